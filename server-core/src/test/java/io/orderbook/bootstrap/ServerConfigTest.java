package io.orderbook.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerConfigTest {

    private static final String MASTER_KEY = Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'k');
    private static final String JWT_SECRET = "a-jwt-secret-that-is-long-enough-0123456789";

    @TempDir
    Path temp;

    @Test
    void defaultsUseEmbeddedEnginesAndGeneratedSecrets() {
        ServerConfig config = ServerConfig.load(Optional.empty(), Map.of("PATH", "/usr/bin", "HOME", "/home/x"));

        assertThat(config.usesEmbeddedDatabase()).isTrue();
        assertThat(config.usesEmbeddedRedis()).isTrue();
        assertThat(config.httpPort()).isEqualTo(ServerConfig.DEFAULT_HTTP_PORT);
        assertThat(config.masterKey()).isEmpty();
        assertThat(config.jwtSecret()).isEmpty();
        assertThat(config.firstAdmin()).isEmpty();
        assertThat(config.requestLogRetentionDays()).isEqualTo(ServerConfig.DEFAULT_REQUEST_LOG_RETENTION_DAYS);
        assertThat(config.dataDir()).isAbsolute().endsWithRaw(Path.of(".orderbook-workstation", "server"));
    }

    @Test
    void readsEverySettingFromTheEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", "jdbc:postgresql://db.internal:5432/orderbook");
        env.put("DATABASE_USER", "orderbook");
        env.put("DATABASE_PASSWORD", "db-password-123");
        env.put("REDIS_URL", "redis://:redis-password-456@cache:6380/2");
        env.put("HTTP_PORT", "9090");
        env.put("MASTER_KEY", MASTER_KEY);
        env.put("JWT_SECRET", JWT_SECRET);
        env.put("ADMIN_USERNAME", "root.admin");
        env.put("ADMIN_PASSWORD", "admin-password-789");
        env.put("DATA_DIR", temp.toString());
        env.put("REQUEST_LOG_RETENTION_DAYS", "7");

        ServerConfig config = ServerConfig.load(Optional.empty(), env);

        ExternalDatabase database = config.database().orElseThrow();
        assertThat(database.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/orderbook");
        assertThat(database.user()).contains("orderbook");
        assertThat(database.password()).map(Secret::reveal).contains("db-password-123");
        assertThat(database.target().password()).contains("db-password-123");
        assertThat(config.redisUrl()).contains(URI.create("redis://:redis-password-456@cache:6380/2"));
        assertThat(config.httpPort()).isEqualTo(9090);
        assertThat(config.masterKey().orElseThrow().bytes()).isEqualTo(Base64.getDecoder().decode(MASTER_KEY));
        assertThat(config.jwtSecret()).map(Secret::reveal).contains(JWT_SECRET);
        assertThat(config.firstAdmin().orElseThrow().username()).isEqualTo("root.admin");
        assertThat(config.firstAdmin().orElseThrow().password().reveal()).isEqualTo("admin-password-789");
        assertThat(config.dataDir()).isEqualTo(temp.toAbsolutePath());
        assertThat(config.requestLogRetentionDays()).isEqualTo(7);
    }

    @Test
    void theEnvironmentOverridesTheFileAndTheFileAcceptsDottedNames() throws IOException {
        Path file = temp.resolve("server.properties");
        Files.writeString(file, """
                # comments are fine
                http.port=8181
                REQUEST_LOG_RETENTION_DAYS=14
                redis.url=redis://file-host:6379
                """);

        ServerConfig config = ServerConfig.load(Optional.of(file), Map.of("HTTP_PORT", "8282", "REDIS_URL", ""));

        assertThat(config.httpPort()).isEqualTo(8282);
        assertThat(config.requestLogRetentionDays()).isEqualTo(14);
        // An empty variable does not blank out the file's value.
        assertThat(config.redisUrl()).contains(URI.create("redis://file-host:6379"));
    }

    @Test
    void anUnknownSettingInTheFileIsAnErrorSoTyposShow() throws IOException {
        Path file = temp.resolve("typo.properties");
        Files.writeString(file, "DATABSE_URL=jdbc:postgresql://x/y\n");

        assertThatThrownBy(() -> ServerConfig.load(Optional.of(file), Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("unknown setting 'DATABSE_URL'");
    }

    @Test
    void aMissingFileIsAnError() {
        assertThatThrownBy(() -> ServerConfig.load(Optional.of(temp.resolve("absent.properties")), Map.of()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("cannot read configuration file");
    }

    @Test
    void badValuesAreAllReportedAtOnceWithoutEchoingSecrets() {
        Map<String, String> env = Map.of(
                "DATABASE_URL", "mysql://db/orderbook",
                "REDIS_URL", "http://:redis-password-456@cache",
                "HTTP_PORT", "70000",
                "MASTER_KEY", "c2hvcnQ=",
                "JWT_SECRET", "short-jwt-secret",
                "ADMIN_USERNAME", "admin with spaces",
                "ADMIN_PASSWORD", "short",
                "REQUEST_LOG_RETENTION_DAYS", "forever");

        assertThatThrownBy(() -> ServerConfig.load(Optional.empty(), env))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> {
                    assertThat(e.problems()).hasSize(8);
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("DATABASE_URL must look like jdbc:postgresql://"));
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("REDIS_URL must start with redis://"));
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("HTTP_PORT must be a whole number from 0 to 65535"));
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("MASTER_KEY must decode to exactly 32 bytes, got 5"));
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("JWT_SECRET must be at least 32 bytes"));
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("ADMIN_USERNAME must be"));
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("ADMIN_PASSWORD must be at least 8"));
                    assertThat(e.problems()).anySatisfy(p -> assertThat(p).startsWith("REQUEST_LOG_RETENTION_DAYS must be"));
                })
                .hasMessageNotContainingAny("redis-password-456", "c2hvcnQ=", "short-jwt-secret", "'short'");
    }

    @Test
    void explainsTheJdbcFormWhenGivenAPostgresUrl() {
        assertThatThrownBy(() -> ServerConfig.load(Optional.empty(),
                Map.of("DATABASE_URL", "postgres://user:pw@db:5432/orderbook")))
                .hasMessageContaining("must be a JDBC URL")
                .hasMessageNotContaining("pw@");
    }

    @Test
    void inconsistentPairsAreErrors() {
        assertThatThrownBy(() -> ServerConfig.load(Optional.empty(), Map.of("DATABASE_USER", "orderbook")))
                .hasMessageContaining("DATABASE_USER and DATABASE_PASSWORD need DATABASE_URL");
        assertThatThrownBy(() -> ServerConfig.load(Optional.empty(), Map.of("ADMIN_USERNAME", "admin")))
                .hasMessageContaining("ADMIN_USERNAME and ADMIN_PASSWORD must be set together");
    }

    @Test
    void aDataDirThatIsAFileIsAnError() throws IOException {
        Path file = Files.writeString(temp.resolve("not-a-dir"), "x");

        assertThatThrownBy(() -> ServerConfig.load(Optional.empty(), Map.of("DATA_DIR", file.toString())))
                .hasMessageContaining("DATA_DIR must be a directory");
    }

    @Test
    void acceptsUrlSafeBase64ForTheMasterKey() {
        byte[] key = new byte[32];
        key[0] = (byte) 0xfb;
        key[1] = (byte) 0xff;
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(key);

        ServerConfig config = ServerConfig.load(Optional.empty(), Map.of("MASTER_KEY", urlSafe));

        assertThat(config.masterKey().orElseThrow().bytes()).isEqualTo(key);
    }

    @Test
    void toStringRedactsEverySecret() {
        Map<String, String> env = Map.of(
                "DATABASE_URL", "jdbc:postgresql://db:5432/orderbook?password=url-password-000&ssl=true",
                "DATABASE_PASSWORD", "db-password-123",
                "REDIS_URL", "redis://svc:redis-password-456@cache:6380",
                "MASTER_KEY", MASTER_KEY,
                "JWT_SECRET", JWT_SECRET,
                "ADMIN_USERNAME", "admin",
                "ADMIN_PASSWORD", "admin-password-789");

        String text = ServerConfig.load(Optional.empty(), env).toString();

        assertThat(text).doesNotContain("url-password-000", "db-password-123", "redis-password-456", MASTER_KEY,
                JWT_SECRET, "admin-password-789");
        assertThat(text).contains("jdbc:postgresql://db:5432/orderbook?password=<redacted>&ssl=true", "cache:6380",
                "username=admin", "<redacted>");
    }

    @Test
    void httpHostAndRateLimitsHaveDefaultsAndAreRead() {
        ServerConfig defaults = ServerConfig.load(Optional.empty(), Map.of());
        assertThat(defaults.httpHost()).isEqualTo("127.0.0.1");
        assertThat(defaults.anonymousRequestsPerMinute()).isEqualTo(ServerConfig.DEFAULT_ANONYMOUS_REQUESTS_PER_MINUTE);
        assertThat(defaults.userRequestsPerMinute()).isEqualTo(ServerConfig.DEFAULT_USER_REQUESTS_PER_MINUTE);

        ServerConfig config = ServerConfig.load(Optional.empty(), Map.of("HTTP_HOST", "0.0.0.0",
                "RATE_LIMIT_ANONYMOUS_PER_MINUTE", "30", "RATE_LIMIT_USER_PER_MINUTE", "1200"));
        assertThat(config.httpHost()).isEqualTo("0.0.0.0");
        assertThat(config.anonymousRequestsPerMinute()).isEqualTo(30);
        assertThat(config.userRequestsPerMinute()).isEqualTo(1200);
    }

    @Test
    void rejectsABadHostAndNonPositiveRateLimits() {
        assertThatThrownBy(() -> ServerConfig.load(Optional.empty(), Map.of("HTTP_HOST", "local host",
                "RATE_LIMIT_ANONYMOUS_PER_MINUTE", "0", "RATE_LIMIT_USER_PER_MINUTE", "many")))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).hasSize(3))
                .hasMessageContaining("HTTP_HOST")
                .hasMessageContaining("RATE_LIMIT_ANONYMOUS_PER_MINUTE")
                .hasMessageContaining("RATE_LIMIT_USER_PER_MINUTE");
    }

    @Test
    void jobSchedulesHaveDefaultsCanBeChangedOrTurnedOffAndRetentionsAreRead() {
        ServerConfig defaults = ServerConfig.defaults();
        assertThat(defaults.jobs().schedules().get("order-expiry").orElseThrow().expression()).isEqualTo("* * * * * *");
        assertThat(defaults.jobs().schedules()).allSatisfy((job, schedule) -> assertThat(schedule).isPresent());

        ServerConfig config = ServerConfig.load(Optional.empty(), Map.of("JOB_MARKET_STATS_CRON", "0 */2 * * * *",
                "JOB_BOOK_SNAPSHOTS_CRON", "off", "IDEMPOTENCY_KEY_RETENTION_HOURS", "48", "BOOK_SNAPSHOT_DEPTH", "5",
                "BOOK_SNAPSHOT_RETENTION_DAYS", "2", "JOB_RUN_RETENTION_DAYS", "3"));
        assertThat(config.jobs().schedules().get("market-stats").orElseThrow().expression()).isEqualTo("0 */2 * * * *");
        assertThat(config.jobs().schedules().get("book-snapshots")).isEmpty();
        assertThat(config.jobs().idempotencyKeyRetention()).isEqualTo(java.time.Duration.ofHours(48));
        assertThat(config.jobs().bookSnapshotDepth()).isEqualTo(5);
        assertThat(config.jobs().bookSnapshotRetention()).isEqualTo(java.time.Duration.ofDays(2));
        assertThat(config.jobs().jobRunRetention()).isEqualTo(java.time.Duration.ofDays(3));
    }

    @Test
    void rejectsABadCronExpressionNamingItsSetting() {
        assertThatThrownBy(() -> ServerConfig.load(Optional.empty(), Map.of("JOB_ORDER_EXPIRY_CRON", "*/5 * * * *",
                "BOOK_SNAPSHOT_DEPTH", "0")))
                .isInstanceOfSatisfying(ConfigurationException.class, e -> assertThat(e.problems()).hasSize(2))
                .hasMessageContaining("JOB_ORDER_EXPIRY_CRON")
                .hasMessageContaining("BOOK_SNAPSHOT_DEPTH");
    }
}
