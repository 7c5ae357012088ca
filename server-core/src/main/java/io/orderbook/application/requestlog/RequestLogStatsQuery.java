package io.orderbook.application.requestlog;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which requests to count per minute. Without {@code to} the range ends now; without {@code from} it
 * starts {@link RequestLogService#DEFAULT_STATS_RANGE} before its end. It spans at most
 * {@link RequestLogService#MAX_STATS_RANGE}.
 *
 * @param apiKeyId only requests made with this key
 * @param userId   only requests of this user (for a non-administrator it must be their own id)
 * @param from     the start of the range (inclusive)
 * @param to       the end of the range (exclusive)
 */
public record RequestLogStatsQuery(Optional<Long> apiKeyId, Optional<Long> userId, Optional<Instant> from,
                                   Optional<Instant> to) {

    /** Checks that no part is null (absent parts are empty). */
    public RequestLogStatsQuery {
        Objects.requireNonNull(apiKeyId, "apiKeyId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** {@return a query for the last hour of everything the reader may see} */
    public static RequestLogStatsQuery lastHour() {
        return new RequestLogStatsQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
