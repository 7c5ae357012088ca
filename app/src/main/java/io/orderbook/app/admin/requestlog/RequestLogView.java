package io.orderbook.app.admin.requestlog;

import io.orderbook.app.admin.common.Columns;
import io.orderbook.app.admin.common.Formats;
import io.orderbook.app.client.admin.RequestLogEntry;
import io.orderbook.app.client.admin.RequestLogFilter;
import io.orderbook.app.client.admin.RequestMinute;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import atlantafx.base.controls.ToggleSwitch;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.chart.AreaChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.StringConverter;

/**
 * Request log: a filter bar (key, user, status, path, time range), the matching requests newest first with
 * paging, auto-refresh, and charts of requests per minute and error rate for the same filter.
 */
public final class RequestLogView {

    static final Duration AUTO_REFRESH = Duration.ofSeconds(5);
    private static final List<String> STATUSES = List.of("Any status", "2xx", "3xx", "4xx", "5xx");

    /** The time ranges offered; each ends now. */
    enum Range {
        LAST_15_MINUTES("Last 15 minutes", Duration.ofMinutes(15)),
        LAST_HOUR("Last hour", Duration.ofHours(1)),
        LAST_6_HOURS("Last 6 hours", Duration.ofHours(6)),
        LAST_24_HOURS("Last 24 hours", Duration.ofHours(24)),
        LAST_7_DAYS("Last 7 days", Duration.ofDays(7));

        final String label;
        final Duration length;

        Range(String label, Duration length) {
            this.label = label;
            this.length = length;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final RequestLogModel model;
    private final Clock clock;
    private final BorderPane root = new BorderPane();
    private final TextField apiKeyId = idField("filterApiKey", "Key id");
    private final TextField userId = idField("filterUser", "User id");
    private final ComboBox<String> status = new ComboBox<>();
    private final TextField path = new TextField();
    private final ComboBox<Range> range = new ComboBox<>();
    private final Label filterError = new Label();
    private final Timeline autoRefresh;

    /**
     * Builds the screen with its filter bar, table and chart; nothing loads until {@link #applyFilter()}.
     *
     * @param model the screen's state and commands
     * @param clock tells the time ranges ("last hour") where now is
     */
    public RequestLogView(RequestLogModel model, Clock clock) {
        this.model = model;
        this.clock = clock;
        root.setId("requestLogView");

        status.setId("filterStatus");
        status.getItems().setAll(STATUSES);
        status.setEditable(true);
        status.setValue(STATUSES.getFirst());
        status.setPrefWidth(110);
        path.setId("filterPath");
        path.setPromptText("Path prefix, e.g. /api/v1/orders");
        path.setPrefColumnCount(18);
        range.setId("filterRange");
        range.getItems().setAll(Range.values());
        range.setValue(Range.LAST_HOUR);
        filterError.setId("filterError");
        filterError.getStyleClass().add("danger");

        var apply = new Button("Apply");
        apply.setId("applyFilter");
        apply.setDefaultButton(true);
        apply.setOnAction(_ -> applyFilter());
        var clear = new Button("Clear");
        clear.setOnAction(_ -> {
            apiKeyId.clear();
            userId.clear();
            path.clear();
            status.setValue(STATUSES.getFirst());
            range.setValue(Range.LAST_HOUR);
            applyFilter();
        });
        var live = new ToggleSwitch("Auto-refresh");
        live.setId("autoRefresh");
        autoRefresh = new Timeline(new KeyFrame(javafx.util.Duration.millis(AUTO_REFRESH.toMillis()), _ -> applyFilter()));
        autoRefresh.setCycleCount(Timeline.INDEFINITE);
        live.selectedProperty().subscribe(on -> {
            if (on) autoRefresh.play();
            else autoRefresh.stop();
        });
        // Stop polling when the screen is closed or its tab is replaced.
        root.sceneProperty().subscribe(scene -> {
            if (scene == null) autoRefresh.stop();
            else if (live.isSelected()) autoRefresh.play();
        });

        var filters = new ToolBar(apiKeyId, userId, status, path, range, apply, clear, filterError,
                new Separator(), live);

        var table = new TableView<>(model.entries());
        table.setId("requestLogTable");
        table.setPlaceholder(new Label("No requests match the filter"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                Columns.text("Time", (RequestLogEntry e) -> Formats.dateTime(e.time())),
                Columns.text("Method", RequestLogEntry::method),
                Columns.text("Path", RequestLogEntry::path),
                Columns.number("Status", (RequestLogEntry e) -> Integer.toString(e.status())),
                Columns.number("Latency ms", (RequestLogEntry e) -> String.format(Locale.ROOT, "%.2f", e.latencyMillis())),
                Columns.number("User", (RequestLogEntry e) -> e.userId() == null ? "—" : e.userId().toString()),
                Columns.number("Key", (RequestLogEntry e) -> e.apiKeyId() == null ? "—" : e.apiKeyId().toString()),
                Columns.text("Client IP", (RequestLogEntry e) -> e.clientIp() == null ? "—" : e.clientIp()),
                Columns.text("Error", (RequestLogEntry e) -> e.errorCode() == null ? "" : e.errorCode()),
                Columns.text("Request id", (RequestLogEntry e) -> e.requestId() == null ? "" : e.requestId())));

        var more = new Button("Load older");
        more.setId("loadOlder");
        more.disableProperty().bind(model.morePagesProperty().not());
        more.setOnAction(_ -> model.loadMore());
        var count = new Label();
        count.textProperty().bind(javafx.beans.binding.Bindings.size(model.entries()).asString("%d requests shown"));
        var footer = new ToolBar(count, new Separator(), more);

        var tableArea = new BorderPane(table);
        tableArea.setBottom(footer);

        var split = new SplitPane(charts(), tableArea);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.32);

        root.setTop(filters);
        root.setCenter(split);
    }

    /**
     * The screen's node, for its tab.
     *
     * @return the root of the filter bar, table and chart
     */
    public Node root() {
        return root;
    }

    /** Reads the filter bar and reloads; a bad id shows next to the bar and leaves the current filter. */
    public void applyFilter() {
        Long key;
        Long user;
        Integer exactStatus = null;
        String statusClass = null;
        try {
            key = optionalId(apiKeyId, "key id");
            user = optionalId(userId, "user id");
            String statusText = status.getEditor() != null && status.isEditable() && status.getEditor().getText() != null
                    ? status.getEditor().getText().strip() : String.valueOf(status.getValue());
            if (statusText.matches("[1-5]xx")) statusClass = statusText;
            else if (statusText.matches("[1-5][0-9][0-9]")) exactStatus = Integer.parseInt(statusText);
            else if (!statusText.isEmpty() && !statusText.equals(STATUSES.getFirst())) {
                throw new IllegalArgumentException("status must be like 404 or 4xx");
            }
        } catch (IllegalArgumentException e) {
            filterError.setText(e.getMessage());
            return;
        }
        filterError.setText("");
        String pathPrefix = path.getText().strip();
        if (!pathPrefix.isEmpty() && !pathPrefix.startsWith("/")) pathPrefix = "/" + pathPrefix;
        Instant to = clock.instant();
        Instant from = to.minus(range.getValue().length);
        model.chartRangeProperty().set(range.getValue().length);
        model.filterProperty().set(new RequestLogFilter(key, user, exactStatus, statusClass,
                pathPrefix.isEmpty() ? null : pathPrefix, from, null, RequestLogFilter.DEFAULT_LIMIT, null));
        model.reload();
    }

    private static Long optionalId(TextField field, String what) {
        String text = field.getText().strip();
        if (text.isEmpty()) return null;
        try {
            long id = Long.parseLong(text);
            if (id < 1) throw new NumberFormatException();
            return id;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(what + " must be a positive number");
        }
    }

    private static TextField idField(String id, String prompt) {
        var field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(6);
        return field;
    }

    private Node charts() {
        var requests = new XYChart.Series<Number, Number>();
        requests.setName("Requests per minute");
        var errors = new XYChart.Series<Number, Number>();
        errors.setName("Error rate %");

        var requestsChart = new AreaChart<>(timeAxis(), new NumberAxis());
        requestsChart.setId("requestsPerMinuteChart");
        requestsChart.setTitle("Requests per minute");
        requestsChart.getData().add(requests);
        var errorAxis = new NumberAxis(0, 100, 20);
        var errorChart = new LineChart<>(timeAxis(), errorAxis);
        errorChart.setId("errorRateChart");
        errorChart.setTitle("Error rate %");
        errorChart.setCreateSymbols(false);
        errorChart.getData().add(errors);
        for (XYChart<Number, Number> chart : List.<XYChart<Number, Number>>of(requestsChart, errorChart)) {
            chart.setAnimated(false);
            chart.setLegendVisible(false);
            chart.getStyleClass().add("request-log-chart");
            HBox.setHgrow(chart, Priority.ALWAYS);
        }

        // One replacement per reload: the model swaps the whole list, the charts redraw once.
        model.minutes().subscribe(() -> {
            var requestPoints = new java.util.ArrayList<XYChart.Data<Number, Number>>();
            var errorPoints = new java.util.ArrayList<XYChart.Data<Number, Number>>();
            for (RequestMinute minute : model.minutes()) {
                long x = minute.minute().getEpochSecond();
                requestPoints.add(new XYChart.Data<>(x, minute.requests()));
                errorPoints.add(new XYChart.Data<>(x, minute.errorRate() * 100));
            }
            requests.getData().setAll(requestPoints);
            errors.getData().setAll(errorPoints);
            if (!model.minutes().isEmpty()) {
                long first = model.minutes().getFirst().minute().getEpochSecond();
                long last = model.minutes().getLast().minute().getEpochSecond();
                for (var axis : List.of((NumberAxis) requestsChart.getXAxis(), (NumberAxis) errorChart.getXAxis())) {
                    axis.setLowerBound(first);
                    axis.setUpperBound(Math.max(last, first + 60));
                    axis.setTickUnit(Math.max(60, (last - first) / 6.0));
                }
            }
        });
        var box = new HBox(requestsChart, errorChart);
        box.setMinHeight(150);
        return box;
    }

    private static NumberAxis timeAxis() {
        var axis = new NumberAxis();
        axis.setAutoRanging(false);
        axis.setMinorTickVisible(false);
        axis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number seconds) {
                return Formats.minute(Instant.ofEpochSecond(seconds.longValue()));
            }

            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("axis labels are not parsed");
            }
        });
        return axis;
    }
}
