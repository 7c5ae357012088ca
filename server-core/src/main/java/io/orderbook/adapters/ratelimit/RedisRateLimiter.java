package io.orderbook.adapters.ratelimit;

import org.redisson.api.RFuture;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Per-subject request limits counted in Redis, so that every server instance sharing the Redis sees one
 * exact count. Fixed windows by Redis's own clock: a subject may make {@code limit} requests per window;
 * refused requests are not counted.
 */
final class RedisRateLimiter {
    private static final String SCRIPT = load("/redis/fixed_window_rate_limit.lua");
    /** How Redis names the script for EVALSHA: the hex SHA-1 of its text. */
    private static final String SCRIPT_SHA1 = sha1Hex(SCRIPT);

    private final RScript script;
    private final String keyPrefix;
    private final Duration window;

    /**
     * @param keyPrefix namespace for the counters (several limiters or test runs can share one Redis)
     * @param window    length of one counting window, e.g. one minute for per-minute limits
     */
    public RedisRateLimiter(RedissonClient redisson, String keyPrefix, Duration window) {
        this.script = redisson.getScript(StringCodec.INSTANCE);
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (window.toMillis() < 1) {
            throw new IllegalArgumentException("window must be at least 1 ms");
        }
        this.window = window;
    }

    /**
     * Counts one request of {@code subject} (e.g. {@code key:42} or {@code ip:10.0.0.1}) against {@code limit}.
     */
    public Decision acquire(String subject, long limit) {
        checkLimit(limit);
        List<Long> result = script.eval(RScript.Mode.READ_WRITE, SCRIPT, RScript.ReturnType.LIST, keys(subject),
                Long.toString(window.toMillis()), Long.toString(limit));
        return decision(result, limit);
    }

    /**
     * {@link #acquire} without blocking, so a caller can bound how long it waits for Redis. A request whose
     * answer is no longer awaited may still be counted.
     */
    public CompletionStage<Decision> acquireAsync(String subject, long limit) {
        return reserveAsync(subject, limit, 1).thenApply(reservation -> new Decision(reservation.granted() == 1, limit,
                Math.max(0, limit - reservation.counted()), reservation.windowEnd(), reservation.untilWindowEnd()));
    }

    /**
     * Takes up to {@code permits} requests of {@code subject}'s current window at once, as many as are left
     * under {@code limit}, for a caller that hands them out itself; none when the window is used up. The
     * permits count at once, whether the caller uses them or not. Sends the script's SHA-1 (EVALSHA) rather
     * than its text, loading the script when Redis does not know it (after a restart or SCRIPT FLUSH).
     */
    public CompletionStage<Reservation> reserveAsync(String subject, long limit, long permits) {
        checkLimit(limit);
        if (permits < 1) {
            throw new IllegalArgumentException("permits must be positive");
        }
        List<Object> keys = keys(subject);
        Object[] arguments = {Long.toString(window.toMillis()), Long.toString(limit), Long.toString(permits)};
        CompletionStage<List<Long>> counted = script.<List<Long>>evalShaAsync(RScript.Mode.READ_WRITE, SCRIPT_SHA1,
                        RScript.ReturnType.LIST, keys, arguments)
                .exceptionallyCompose(failure -> isUnknownScript(failure)
                        ? script.scriptLoadAsync(SCRIPT).thenCompose(sha -> script.<List<Long>>evalShaAsync(
                                RScript.Mode.READ_WRITE, sha, RScript.ReturnType.LIST, keys, arguments))
                        : CompletableFuture.failedStage(failure));
        return counted.thenApply(result -> new Reservation(result.get(0), limit, result.get(1),
                Instant.ofEpochMilli(result.get(2)), Duration.ofMillis(Math.max(0, result.get(2) - result.get(3)))));
    }

    private static boolean isUnknownScript(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("NOSCRIPT")) {
                return true;
            }
        }
        return false;
    }

    private static void checkLimit(long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    private List<Object> keys(String subject) {
        return List.of(keyPrefix + "rate:" + subject);
    }

    private static Decision decision(List<Long> result, long limit) {
        boolean allowed = result.get(0) == 1L;
        long count = result.get(1);
        long windowEnd = result.get(2);
        long now = result.get(3);
        return new Decision(allowed, limit, Math.max(0, limit - count), Instant.ofEpochMilli(windowEnd),
                Duration.ofMillis(windowEnd - now));
    }

    /**
     * Permits taken at once by {@link #reserveAsync}.
     *
     * @param granted        permits taken, 0 when the window is used up
     * @param counted        requests counted in this window so far, these permits included
     * @param windowEnd      when the window ends, by Redis's clock
     * @param untilWindowEnd time left in the window when Redis answered
     */
    public record Reservation(long granted, long limit, long counted, Instant windowEnd, Duration untilWindowEnd) {
    }

    /**
     * The outcome of one request.
     *
     * @param remaining  requests still allowed in this window
     * @param resetAt    when the window ends and the count starts again
     * @param retryAfter time until {@code resetAt}
     */
    public record Decision(boolean allowed, long limit, long remaining, Instant resetAt, Duration retryAfter) {

        /** Whole seconds a refused client should wait, never less than one. */
        public long retryAfterSeconds() {
            return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        }
    }

    private static String sha1Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }

    private static String load(String resource) {
        try (InputStream in = RedisRateLimiter.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
