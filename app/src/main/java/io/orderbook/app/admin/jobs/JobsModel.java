package io.orderbook.app.admin.jobs;

import io.orderbook.app.admin.common.ServerCalls;
import io.orderbook.app.client.admin.AdminClient;
import io.orderbook.app.client.admin.ScheduledJob;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The scheduled jobs screen's state: the server's jobs, and running one now. */
public final class JobsModel {

    private final AdminClient client;
    private final ServerCalls calls;
    private final ObservableList<ScheduledJob> jobs = FXCollections.observableArrayList();

    /**
     * Creates the screen's state, empty until {@link #refresh()}.
     *
     * @param client the admin operations of the logged-in user
     * @param calls  runs the server calls off the JavaFX thread
     */
    public JobsModel(AdminClient client, ServerCalls calls) {
        this.client = Objects.requireNonNull(client, "client");
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    ObservableList<ScheduledJob> jobs() {
        return jobs;
    }

    /** Reloads the server's jobs from the server, off the JavaFX thread. */
    public void refresh() {
        calls.run(client::jobs, jobs::setAll);
    }

    /**
     * Runs the job now; the row shows its new last run when the server has run it.
     *
     * @param job the job to run
     */
    void runNow(ScheduledJob job) {
        calls.run(() -> client.runJob(job.name()), ran -> {
            for (int i = 0; i < jobs.size(); i++) {
                if (jobs.get(i).name().equals(ran.name())) jobs.set(i, ran);
            }
        });
    }
}
