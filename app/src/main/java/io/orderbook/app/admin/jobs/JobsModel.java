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

    public JobsModel(AdminClient client, ServerCalls calls) {
        this.client = Objects.requireNonNull(client, "client");
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    public ObservableList<ScheduledJob> jobs() {
        return jobs;
    }

    public void refresh() {
        calls.run(client::jobs, jobs::setAll);
    }

    /**
     * Runs the job now; the row shows its new last run when the server has run it.
     *
     * @param job the job to run
     */
    public void runNow(ScheduledJob job) {
        calls.run(() -> client.runJob(job.name()), ran -> {
            for (int i = 0; i < jobs.size(); i++) {
                if (jobs.get(i).name().equals(ran.name())) jobs.set(i, ran);
            }
        });
    }
}
