package io.orderbook.adapters.http.jobs;

import io.javalin.http.Context;
import io.orderbook.adapters.http.ApiPaths;
import io.orderbook.adapters.http.ApiRoutes;
import io.orderbook.adapters.http.HttpRoutes;
import io.orderbook.adapters.http.identity.PageParameters;
import io.orderbook.adapters.http.identity.PageResponse;
import io.orderbook.adapters.http.markets.ItemsResponse;
import io.orderbook.adapters.http.pipeline.Access;
import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.application.jobs.JobRun;
import io.orderbook.application.jobs.JobScheduler;
import io.orderbook.application.jobs.ScheduledJob;
import java.util.Objects;

/**
 * {@code /jobs}, for administrators: every job with its schedule, last run and next run; a job's run history; and
 * running a job now (still once in the cluster: 409 when it is running elsewhere).
 */
public final class JobRoutes implements HttpRoutes {

    static final String JOBS = ApiPaths.V1 + "/jobs";
    static final String JOB = JOBS + "/{name}";

    private final JobScheduler scheduler;

    /**
     * Routes over the job scheduler.
     *
     * @param scheduler the cluster's jobs and their run history
     */
    public JobRoutes(JobScheduler scheduler) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    @Override
    public void addTo(ApiRoutes routes) {
        routes.get(JOBS, Access.ADMIN_READ, this::list)
                .get(JOB + "/runs", Access.ADMIN_READ, this::runs)
                .post(JOB + "/run", Access.ADMIN_WRITE, this::runNow);
    }

    private void list(Context ctx) {
        ctx.json(new ItemsResponse<>(scheduler.statuses().stream().map(JobView::of).toList()));
    }

    private void runs(Context ctx) {
        ScheduledJob job = job(ctx);
        ctx.json(PageResponse.of(scheduler.history().runs(job.name(), PageParameters.pageRequest(ctx)), JobRunView::of));
    }

    private void runNow(Context ctx) {
        JobRun run = scheduler.runNow(job(ctx).name());
        if (run.result() == JobRun.Result.SKIPPED) {
            throw ApiProblem.conflict("Job " + run.job() + " is running elsewhere in the cluster; try again later.");
        }
        ctx.json(JobRunView.of(run));
    }

    private ScheduledJob job(Context ctx) {
        String name = ctx.pathParam("name");
        return scheduler.job(name).orElseThrow(() -> ApiProblem.notFound("There is no job " + name + "."));
    }
}
