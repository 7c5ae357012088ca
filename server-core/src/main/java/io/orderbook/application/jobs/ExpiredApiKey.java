package io.orderbook.application.jobs;

import java.time.Instant;

/** An API key whose expiry has just been marked, for telling its owner (never its secret). */
public record ExpiredApiKey(long keyId, long userId, String name, String prefix, Instant expiresAt) {
}
