package io.orderbook.application.requestlog;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Which requests to count per minute. Without {@code to} the range ends now; without {@code from} it
 * starts {@link RequestLogService#DEFAULT_STATS_RANGE} before its end. It spans at most
 * {@link RequestLogService#MAX_STATS_RANGE}.
 */
public record RequestLogStatsQuery(Optional<Long> apiKeyId, Optional<Long> userId, Optional<Instant> from,
                                   Optional<Instant> to) {

    public RequestLogStatsQuery {
        Objects.requireNonNull(apiKeyId, "apiKeyId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }

    /** The last hour of everything the reader may see. */
    public static RequestLogStatsQuery lastHour() {
        return new RequestLogStatsQuery(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
