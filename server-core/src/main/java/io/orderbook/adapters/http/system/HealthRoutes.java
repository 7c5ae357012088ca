package io.orderbook.adapters.http.system;

import io.javalin.http.Context;
import io.orderbook.adapters.http.ApiPaths;
import io.orderbook.adapters.http.ApiRoutes;
import io.orderbook.adapters.http.HttpRoutes;
import io.orderbook.adapters.http.pipeline.Access;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/v1/health/live}: 200 while the process serves HTTP (liveness).
 * {@code GET /api/v1/health}: readiness: runs every {@link ReadinessCheck} in parallel with a timeout;
 * 200 {@code UP} when all pass, 503 {@code DOWN} otherwise. Failure details go to the server log only,
 * since the endpoint is public.
 */
public final class HealthRoutes implements HttpRoutes, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HealthRoutes.class);

    private final List<ReadinessCheck> checks;
    private final Duration timeout;
    // One executor for the server's lifetime: a hung probe is interrupted and abandoned, never awaited.
    private final ExecutorService probes = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("readiness-", 0).factory());

    /** The health report. */
    record Health(String status, List<CheckResult> checks) {
    }

    /** One check's outcome; {@code status} is {@code UP}, {@code DOWN} or {@code TIMEOUT}. */
    record CheckResult(String name, String status, long durationMs) {
    }

    /**
     * Health routes over the given checks.
     *
     * @param checks  the dependencies readiness depends on; none means always ready
     * @param timeout how long all checks together may take before the unfinished ones count as TIMEOUT
     */
    public HealthRoutes(List<ReadinessCheck> checks, Duration timeout) {
        this.checks = List.copyOf(checks);
        this.timeout = timeout;
    }

    @Override
    public void addTo(ApiRoutes routes) {
        routes.get(ApiPaths.V1 + "/health/live", Access.PUBLIC, ctx -> ctx.json(new Health("UP", List.of())));
        routes.get(ApiPaths.V1 + "/health", Access.PUBLIC, this::readiness);
    }

    private void readiness(Context ctx) throws InterruptedException {
        Health health = evaluate();
        ctx.status(health.status().equals("UP") ? 200 : 503).json(health);
    }

    Health evaluate() throws InterruptedException {
        List<Callable<CheckResult>> tasks = new ArrayList<>();
        for (ReadinessCheck check : checks) tasks.add(() -> run(check));
        List<Future<CheckResult>> futures = probes.invokeAll(tasks, timeout.toMillis(), TimeUnit.MILLISECONDS);
        List<CheckResult> results = new ArrayList<>();
        boolean allUp = true;
        for (int i = 0; i < futures.size(); i++) {
            CheckResult result;
            try {
                result = futures.get(i).get();
            } catch (CancellationException e) {
                LOG.warn("Readiness check {} timed out after {}", checks.get(i).name(), timeout);
                result = new CheckResult(checks.get(i).name(), "TIMEOUT", timeout.toMillis());
            } catch (ExecutionException e) {
                result = new CheckResult(checks.get(i).name(), "DOWN", 0);
            }
            allUp &= result.status().equals("UP");
            results.add(result);
        }
        return new Health(allUp ? "UP" : "DOWN", results);
    }

    private static CheckResult run(ReadinessCheck check) {
        long start = System.nanoTime();
        String status;
        try {
            check.probe();
            status = "UP";
        } catch (Exception e) {
            LOG.warn("Readiness check {} failed", check.name(), e);
            status = "DOWN";
        }
        return new CheckResult(check.name(), status, (System.nanoTime() - start) / 1_000_000);
    }

    @Override
    public void close() {
        probes.shutdownNow();
    }
}
