package io.orderbook.app.admin.jobs;

import io.orderbook.app.admin.common.ProblemDialog;
import io.orderbook.app.admin.common.ServerCalls;
import io.orderbook.app.client.admin.AdminClient;
import io.orderbook.app.client.admin.JobsUnavailableException;
import io.orderbook.app.client.admin.ScheduledJob;
import java.util.Objects;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The scheduled jobs screen's state. A server without jobs is a normal case, not an error: the screen
 * says so instead of showing a failure.
 */
public final class JobsModel {

    static final String UNAVAILABLE = "Scheduled jobs are not available on this server.";

    private final AdminClient client;
    private final ServerCalls calls;
    private final ObservableList<ScheduledJob> jobs = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper unavailable = new ReadOnlyStringWrapper(this, "unavailable", null);

    public JobsModel(AdminClient client, ServerCalls calls) {
        this.client = Objects.requireNonNull(client, "client");
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    public ObservableList<ScheduledJob> jobs() {
        return jobs;
    }

    /** Why there are no jobs to show, or null when the server offers them. */
    public ReadOnlyStringProperty unavailableProperty() {
        return unavailable.getReadOnlyProperty();
    }

    public void refresh() {
        calls.run(client::jobs, list -> {
            unavailable.set(null);
            jobs.setAll(list);
        }, this::failed);
    }

    public void runNow(ScheduledJob job) {
        calls.run(() -> client.runJob(job.name()), ran -> {
            for (int i = 0; i < jobs.size(); i++) {
                if (jobs.get(i).name().equals(ran.name())) jobs.set(i, ran);
            }
        }, this::failed);
    }

    private void failed(Throwable failure) {
        if (failure instanceof JobsUnavailableException) {
            jobs.clear();
            unavailable.set(UNAVAILABLE);
        } else {
            ProblemDialog.show(failure);
        }
    }
}
