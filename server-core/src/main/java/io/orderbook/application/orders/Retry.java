package io.orderbook.application.orders;

import io.orderbook.application.trading.CommandContext;
import java.util.Objects;

/**
 * What makes a request safe to retry: the {@code Idempotency-Key} the client sent and the fingerprint of the
 * request it came with. The same key with the same fingerprint gets the first answer back; with another
 * fingerprint it is refused.
 *
 * @param key         1 to {@value CommandContext#MAX_IDEMPOTENCY_KEY} visible ASCII characters
 * @param fingerprint a digest of the canonical request, 1 to {@value CommandContext#MAX_FINGERPRINT} characters
 */
public record Retry(String key, String fingerprint) {

    /** Checks that key and fingerprint are given. */
    public Retry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(fingerprint, "fingerprint");
    }

    /**
     * Whether a client's header value can be a key.
     *
     * @param key the header value, or null when the header was absent
     * @return true for 1 to {@value CommandContext#MAX_IDEMPOTENCY_KEY} visible ASCII characters
     */
    public static boolean isValidKey(String key) {
        return key != null && !key.isEmpty() && key.length() <= CommandContext.MAX_IDEMPOTENCY_KEY
                && key.chars().allMatch(c -> c > 0x20 && c < 0x7f);
    }
}
