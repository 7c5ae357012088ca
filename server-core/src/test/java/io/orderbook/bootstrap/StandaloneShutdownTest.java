package io.orderbook.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderbook.testsupport.Eventually;
import io.orderbook.testsupport.HttpTestClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone server as a process of its own, with embedded PostgreSQL and Redis: SIGTERM (what Ctrl-C, a service
 * manager or a closed terminal sends) stops it cleanly with no engine process left behind, and the next start on the
 * same {@code DATA_DIR} finds the data of the first.
 */
class StandaloneShutdownTest {

    private static final Pattern READY = Pattern.compile("server-core ready at (http://\\S+)/api/v1");
    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final String TRADER_PASSWORD = "standalone demo password";

    @TempDir
    Path dataDir;

    private Process server;

    @AfterEach
    void stopLeftover() throws InterruptedException {
        // After a failed assertion: stop the server the clean way first, so it stops its PostgreSQL too.
        if (server != null && server.isAlive()) {
            server.toHandle().destroy();
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                server.descendants().forEach(ProcessHandle::destroyForcibly);
                server.destroyForcibly();
            }
        }
        postgresOnDataDir().forEach(ProcessHandle::destroy);
    }

    @Test
    void sigtermStopsEveryEngineAndTheDataIsThereOnTheNextStart() throws Exception {
        Run first = start();
        HttpTestClient client = new HttpTestClient(first.baseUri());
        assertThat(client.get("/api/v1/health").statusCode()).isEqualTo(200);
        assertThat(marketsListed(client)).isEqualTo(3);
        assertThat(first.output()).anyMatch(line -> line.contains("Demo data: listed market BTC-USD"));
        assertThat(enginesOf(first)).as("embedded PostgreSQL and Redis run").hasSizeGreaterThanOrEqualTo(2);

        assertThat(stop(first)).as("exit status after SIGTERM").isIn(0, 143);
        assertThat(first.output()).anyMatch(line -> line.contains("server-core stopped"));
        Eventually.await(Duration.ofSeconds(10), "no engine process is left",
                () -> enginesOf(first).stream().noneMatch(ProcessHandle::isAlive) && postgresOnDataDir().isEmpty());

        Run second = start();
        HttpTestClient again = new HttpTestClient(second.baseUri());
        assertThat(marketsListed(again)).as("the first run's markets, from DATA_DIR/postgres").isEqualTo(3);
        assertThat(second.output()).noneMatch(line -> line.contains("Demo data: listed market")
                || line.contains("Demo data: created"));
        assertThat(stop(second)).isIn(0, 143);
        Eventually.await(Duration.ofSeconds(10), "no engine process is left",
                () -> enginesOf(second).stream().noneMatch(ProcessHandle::isAlive) && postgresOnDataDir().isEmpty());
    }

    private record Run(Process process, String baseUri, List<String> output, List<ProcessHandle> engines,
                       Thread reader) {
    }

    private Run start() throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), ServerMain.class.getName())
                .redirectErrorStream(true);
        // Only what this test sets: no external engines from the environment the build runs in.
        builder.environment().keySet().removeIf(ServerConfig.SETTINGS::contains);
        builder.environment().put(ServerConfig.DATA_DIR, dataDir.toString());
        builder.environment().put(ServerConfig.HTTP_PORT, "0");
        builder.environment().put(ServerConfig.DEMO_DATA, "true");
        builder.environment().put(ServerConfig.DEMO_TRADER_PASSWORD, TRADER_PASSWORD);
        server = builder.start();
        List<String> output = new CopyOnWriteArrayList<>();
        String[] baseUri = new String[1];
        Thread reader = Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = lines.readLine()) != null; ) {
                    output.add(line);
                    Matcher ready = READY.matcher(line);
                    if (ready.find()) {
                        baseUri[0] = ready.group(1);
                    }
                }
            } catch (java.io.IOException ended) {
                // The process ended.
            }
        });
        Process current = server;
        Eventually.await(START_TIMEOUT, "the server is ready", () -> baseUri[0] != null || !current.isAlive());
        assertThat(baseUri[0]).as("ready line; output:\n" + String.join("\n", output)).isNotNull();
        // Redis is the JVM's child; PostgreSQL is started through pg_ctl and found by its data directory.
        List<ProcessHandle> engines = new java.util.ArrayList<>(server.descendants().toList());
        engines.addAll(postgresOnDataDir());
        return new Run(server, baseUri[0], output, engines, reader);
    }

    private static int stop(Run run) throws InterruptedException {
        // SIGTERM through the handle: Process.destroy() would also close our end of its output.
        run.process().toHandle().destroy();
        assertThat(run.process().waitFor(60, TimeUnit.SECONDS)).as("stopped within a minute").isTrue();
        run.reader().join(Duration.ofSeconds(10)); // the last lines of output
        return run.process().exitValue();
    }

    private static List<ProcessHandle> enginesOf(Run run) {
        return run.engines().stream().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().command().map(c -> c.contains("redis") || c.contains("postgres")).orElse(false))
                .toList();
    }

    private List<ProcessHandle> postgresOnDataDir() {
        String postgresData = dataDir.resolve("postgres").toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(line -> line.contains(postgresData)).orElse(false))
                .filter(ProcessHandle::isAlive)
                .toList();
    }

    private static int marketsListed(HttpTestClient client) {
        HttpResponse<String> login = client.send(client.request("/api/v1/auth/login", "Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"demo\",\"password\":\"" + TRADER_PASSWORD + "\"}")).build());
        assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
        String token = HttpTestClient.json(login).get("accessToken").asText();
        HttpResponse<String> markets = client.get("/api/v1/markets", "Authorization", "Bearer " + token);
        assertThat(markets.statusCode()).as(markets.body()).isEqualTo(200);
        return HttpTestClient.json(markets).findValues("symbol").size();
    }
}
