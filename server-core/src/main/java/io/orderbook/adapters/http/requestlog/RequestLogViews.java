package io.orderbook.adapters.http.requestlog;

import io.orderbook.adapters.persistence.RequestLogEntry;
import io.orderbook.adapters.persistence.RequestLogMinute;
import io.orderbook.application.requestlog.RequestLogCursor;
import io.orderbook.application.requestlog.RequestLogPage;
import io.orderbook.application.requestlog.RequestLogStats;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of the request-log endpoints, as described in the OpenAPI document. */
final class RequestLogViews {

    private RequestLogViews() {
    }

    /** {@code RequestLogEntry} in the OpenAPI document. */
    record Entry(long id, Instant time, String method, String path, int status, double latencyMs, Long userId,
                 Long apiKeyId, String clientIp, String requestId, String errorCode) {

        static Entry of(RequestLogEntry entry) {
            return new Entry(entry.id(), entry.occurredAt(), entry.method(), entry.path(), entry.status(),
                    entry.latencyMicros() / 1000.0, entry.userId().orElse(null), entry.apiKeyId().orElse(null),
                    entry.clientIp().orElse(null), entry.requestId().orElse(null), entry.errorCode().orElse(null));
        }
    }

    /** {@code RequestLogPage} in the OpenAPI document. */
    record PageView(List<Entry> items, String nextCursor) {

        static PageView of(RequestLogPage page) {
            return new PageView(page.items().stream().map(Entry::of).toList(),
                    page.next().map(RequestLogCursor::encode).orElse(null));
        }
    }

    /** One minute of {@code RequestLogStats} in the OpenAPI document. */
    record Minute(Instant minute, long requests, long errors, long serverErrors, double errorRate, double averageLatencyMs) {

        static Minute of(RequestLogMinute minute) {
            return new Minute(minute.minute(), minute.requests(), minute.clientErrors() + minute.serverErrors(),
                    minute.serverErrors(), minute.errorRate(), minute.averageLatencyMicros() / 1000.0);
        }
    }

    /** {@code RequestLogStats} in the OpenAPI document. */
    record Stats(Instant from, Instant to, List<Minute> minutes) {

        static Stats of(RequestLogStats stats) {
            return new Stats(stats.from(), stats.to(), stats.minutes().stream().map(Minute::of).toList());
        }
    }
}
