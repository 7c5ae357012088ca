package io.orderbook.app.admin.jobs;

import io.orderbook.app.admin.common.Columns;
import io.orderbook.app.admin.common.Formats;
import io.orderbook.app.client.admin.ScheduledJob;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;

/** Scheduled jobs: schedule, last run and its result, next run; run one now. */
public final class JobsView {

    private final BorderPane root = new BorderPane();

    /**
     * Builds the screen; it shows what {@code model} holds and sends the user's commands to it.
     *
     * @param model the screen's state and commands
     */
    public JobsView(JobsModel model) {
        root.setId("jobsView");
        var table = new TableView<>(model.jobs());
        table.setId("jobsTable");
        var placeholder = new Label("No scheduled jobs");
        placeholder.setId("jobsPlaceholder");
        table.setPlaceholder(placeholder);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                Columns.text("Job", ScheduledJob::name),
                Columns.text("Schedule", (ScheduledJob j) -> j.schedule() == null ? "disabled" : j.schedule()),
                Columns.text("Last run", (ScheduledJob j) -> Formats.dateTime(j.lastRunAt())),
                Columns.text("Result", (ScheduledJob j) -> j.lastResult() == null ? "—" : j.lastResult()),
                Columns.text("Next run", (ScheduledJob j) -> Formats.dateTime(j.nextRunAt()))));

        var selected = table.getSelectionModel().selectedItemProperty();
        var runNow = new Button("Run now");
        runNow.setId("runJobNow");
        runNow.disableProperty().bind(selected.isNull());
        runNow.setOnAction(_ -> model.runNow(selected.get()));
        var refresh = new Button("Refresh");
        refresh.setOnAction(_ -> model.refresh());

        root.setTop(new ToolBar(runNow, new Separator(), refresh));
        root.setCenter(table);
    }

    /**
     * The screen's node, for its tab.
     *
     * @return the root of the job table and its toolbar
     */
    public Node root() {
        return root;
    }
}
