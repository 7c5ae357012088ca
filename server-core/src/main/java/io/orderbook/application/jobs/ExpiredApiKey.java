package io.orderbook.application.jobs;

import java.time.Instant;

/**
 * An API key whose expiry has just been marked, for telling its owner (never its secret).
 *
 * @param keyId     the key's id
 * @param userId    its owner
 * @param name      the name its owner gave it
 * @param prefix    the visible part of the key text
 * @param expiresAt the expiry that passed
 */
public record ExpiredApiKey(long keyId, long userId, String name, String prefix, Instant expiresAt) {
}
