package io.orderbook.app.admin.requestlog;

import io.orderbook.app.admin.common.ServerCalls;
import io.orderbook.app.client.admin.AdminClient;
import io.orderbook.app.client.admin.RequestLogEntry;
import io.orderbook.app.client.admin.RequestLogFilter;
import io.orderbook.app.client.admin.RequestLogPage;
import io.orderbook.app.client.admin.RequestMinute;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The request log screen's state: the filter, the loaded pages and the per-minute chart data of the
 * same filter. {@link #reload} replaces everything at once, so auto-refresh costs one layout pass.
 */
public final class RequestLogModel {

    static final Duration MAX_CHART_RANGE = Duration.ofDays(7);

    private final AdminClient client;
    private final ServerCalls calls;
    private final Clock clock;
    private final ObservableList<RequestLogEntry> entries = FXCollections.observableArrayList();
    private final ObservableList<RequestMinute> minutes = FXCollections.observableArrayList();
    private final ObjectProperty<RequestLogFilter> filter = new SimpleObjectProperty<>(this, "filter", RequestLogFilter.newest());
    private final ReadOnlyBooleanWrapper morePages = new ReadOnlyBooleanWrapper(this, "morePages", false);
    private final ObjectProperty<Duration> chartRange = new SimpleObjectProperty<>(this, "chartRange", Duration.ofHours(1));
    private String nextCursor;
    private long generation;

    /**
     * Creates the screen's state, empty until the screen first applies its filter.
     *
     * @param client the admin operations of the logged-in user
     * @param calls  runs the server calls off the JavaFX thread
     * @param clock  tells the chart where now is when the filter has no end
     */
    public RequestLogModel(AdminClient client, ServerCalls calls, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.calls = Objects.requireNonNull(calls, "calls");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The loaded entries, newest first. */
    ObservableList<RequestLogEntry> entries() {
        return entries;
    }

    /** Requests per minute over {@link #chartRangeProperty()}, oldest first. */
    ObservableList<RequestMinute> minutes() {
        return minutes;
    }

    /** The filter the table and chart show; set it, then {@link #reload}. */
    ObjectProperty<RequestLogFilter> filterProperty() {
        return filter;
    }

    /** How far back the chart goes when the filter has no time range. */
    ObjectProperty<Duration> chartRangeProperty() {
        return chartRange;
    }

    /** Whether {@link #loadMore} would find older entries. */
    ReadOnlyBooleanProperty morePagesProperty() {
        return morePages.getReadOnlyProperty();
    }

    /** Loads the first page and the chart for the current filter. */
    void reload() {
        RequestLogFilter current = filter.get().page(null);
        long thisLoad = ++generation;
        calls.run(() -> new Loaded(client.requestLog(current), chart(current)), loaded -> {
            // An older answer that arrives after a newer request must not overwrite it.
            if (thisLoad != generation) return;
            entries.setAll(loaded.page().items());
            minutes.setAll(loaded.minutes());
            setNext(loaded.page().nextCursor());
        });
    }

    /** Appends the next page. */
    void loadMore() {
        if (nextCursor == null) return;
        RequestLogFilter next = filter.get().page(nextCursor);
        long thisLoad = generation;
        calls.run(() -> client.requestLog(next), page -> {
            if (thisLoad != generation) return;
            entries.addAll(page.items());
            setNext(page.nextCursor());
        });
    }

    private record Loaded(RequestLogPage page, List<RequestMinute> minutes) {
    }

    private List<RequestMinute> chart(RequestLogFilter current) {
        Instant to = current.to() != null ? current.to() : clock.instant();
        Instant from = current.from() != null ? current.from() : to.minus(chartRange.get());
        // The server counts at most a week per call; a longer filter charts its last week.
        if (from.isBefore(to.minus(MAX_CHART_RANGE))) from = to.minus(MAX_CHART_RANGE);
        return client.requestsPerMinute(current.apiKeyId(), current.userId(), from, to);
    }

    private void setNext(String cursor) {
        nextCursor = cursor;
        morePages.set(cursor != null);
    }
}
