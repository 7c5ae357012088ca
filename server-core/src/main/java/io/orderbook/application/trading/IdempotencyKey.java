package io.orderbook.application.trading;

import java.util.Objects;

/**
 * An {@code Idempotency-Key} as a user sent it; keys of different users never collide.
 *
 * @param userId the user who sent the request (an administrator's own id for admin requests)
 * @param key    1 to {@value CommandContext#MAX_IDEMPOTENCY_KEY} visible ASCII characters
 */
public record IdempotencyKey(long userId, String key) {

    /**
     * Checks the key as the database stores it.
     *
     * @throws IllegalArgumentException if {@code userId} is not positive or {@code key} is not 1 to
     *                                  {@value CommandContext#MAX_IDEMPOTENCY_KEY} visible ASCII characters
     */
    public IdempotencyKey {
        Objects.requireNonNull(key, "key");
        if (userId <= 0) {
            throw new IllegalArgumentException("userId must be a user's id");
        }
        CommandContext.requireVisibleAscii(key, CommandContext.MAX_IDEMPOTENCY_KEY, "idempotency key");
    }
}
