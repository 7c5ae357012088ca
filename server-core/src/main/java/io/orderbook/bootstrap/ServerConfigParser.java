package io.orderbook.bootstrap;

import static io.orderbook.bootstrap.ServerConfig.ADMIN_PASSWORD;
import static io.orderbook.bootstrap.ServerConfig.ADMIN_USERNAME;
import static io.orderbook.bootstrap.ServerConfig.BOOK_SNAPSHOT_DEPTH;
import static io.orderbook.bootstrap.ServerConfig.BOOK_SNAPSHOT_RETENTION_DAYS;
import static io.orderbook.bootstrap.ServerConfig.DATABASE_PASSWORD;
import static io.orderbook.bootstrap.ServerConfig.DATABASE_URL;
import static io.orderbook.bootstrap.ServerConfig.DATABASE_USER;
import static io.orderbook.bootstrap.ServerConfig.DATA_DIR;
import static io.orderbook.bootstrap.ServerConfig.DEMO_DATA;
import static io.orderbook.bootstrap.ServerConfig.DEMO_MAKER_REFRESH_MILLIS;
import static io.orderbook.bootstrap.ServerConfig.DEMO_TRADER_PASSWORD;
import static io.orderbook.bootstrap.ServerConfig.DEMO_TRADER_USERNAME;
import static io.orderbook.bootstrap.ServerConfig.HTTP_HOST;
import static io.orderbook.bootstrap.ServerConfig.HTTP_PORT;
import static io.orderbook.bootstrap.ServerConfig.IDEMPOTENCY_KEY_RETENTION_HOURS;
import static io.orderbook.bootstrap.ServerConfig.JOB_RUN_RETENTION_DAYS;
import static io.orderbook.bootstrap.ServerConfig.JWT_SECRET;
import static io.orderbook.bootstrap.ServerConfig.MASTER_KEY;
import static io.orderbook.bootstrap.ServerConfig.RATE_LIMIT_ANONYMOUS_PER_MINUTE;
import static io.orderbook.bootstrap.ServerConfig.RATE_LIMIT_USER_PER_MINUTE;
import static io.orderbook.bootstrap.ServerConfig.REDIS_URL;
import static io.orderbook.bootstrap.ServerConfig.REQUEST_LOG_RETENTION_DAYS;

import io.orderbook.adapters.redis.RedisEndpoint;
import io.orderbook.application.jobs.CronSchedule;
import io.orderbook.application.jobs.JobsModule;
import io.orderbook.application.users.CredentialRules;
import io.orderbook.bootstrap.demo.DemoSettings;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Turns raw setting strings into a {@link ServerConfig}, collecting every problem before failing so an
 * operator fixes them all in one go. Messages name the setting and what is expected, never a secret value.
 */
final class ServerConfigParser {

    /** Letters, digits and {@code . _ -}: safe in URLs and logs, and lower() behaves the same in any locale. */
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** A host name or an IPv4/IPv6 literal; resolved only when binding, so no DNS lookup while parsing. */
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:%_-]{1,253}");
    /** Far above any sane per-minute limit, low enough that a typo with extra digits is caught. */
    private static final int MAX_REQUESTS_PER_MINUTE = 10_000_000;

    private final Map<String, String> settings;
    private final List<String> problems = new ArrayList<>();

    ServerConfigParser(Map<String, String> settings) {
        this.settings = settings;
    }

    ServerConfig parse() {
        Optional<ExternalDatabase> database = database();
        Optional<URI> redisUrl = redisUrl();
        int httpPort = integer(HTTP_PORT, ServerConfig.DEFAULT_HTTP_PORT, 0, 65535);
        Optional<Secret> masterKey = masterKey();
        Optional<Secret> jwtSecret = jwtSecret();
        Optional<AdminAccount> admin = firstAdmin();
        Path dataDir = dataDir();
        int retentionDays = integer(REQUEST_LOG_RETENTION_DAYS, ServerConfig.DEFAULT_REQUEST_LOG_RETENTION_DAYS, 1, 3650);
        String httpHost = httpHost();
        int anonymousPerMinute = integer(RATE_LIMIT_ANONYMOUS_PER_MINUTE,
                ServerConfig.DEFAULT_ANONYMOUS_REQUESTS_PER_MINUTE, 1, MAX_REQUESTS_PER_MINUTE);
        int userPerMinute = integer(RATE_LIMIT_USER_PER_MINUTE, ServerConfig.DEFAULT_USER_REQUESTS_PER_MINUTE, 1,
                MAX_REQUESTS_PER_MINUTE);
        JobsModule.Settings jobs = jobs();
        DemoSettings demo = demo();
        if (!problems.isEmpty()) {
            throw new ConfigurationException(problems);
        }
        return new ServerConfig(database, redisUrl, httpPort, masterKey, jwtSecret, admin, dataDir, retentionDays,
                httpHost, anonymousPerMinute, userPerMinute, jobs, demo);
    }

    /** Each job's schedule ({@code off} disables it) and the jobs' retention settings. */
    private JobsModule.Settings jobs() {
        JobsModule.Settings defaults = JobsModule.Settings.defaults();
        Map<String, Optional<CronSchedule>> schedules = new LinkedHashMap<>(defaults.schedules());
        ServerConfig.JOB_CRON_SETTINGS.forEach((job, setting) -> value(setting).ifPresent(text -> {
            if (text.equalsIgnoreCase(ServerConfig.JOB_DISABLED)) {
                schedules.put(job, Optional.empty());
                return;
            }
            try {
                schedules.put(job, Optional.of(CronSchedule.parse(text)));
            } catch (IllegalArgumentException e) {
                problems.add(setting + " must be a cron expression of six fields (second minute hour day-of-month"
                        + " month day-of-week, UTC) or '" + ServerConfig.JOB_DISABLED + "': " + e.getMessage());
            }
        }));
        int idempotencyHours = integer(IDEMPOTENCY_KEY_RETENTION_HOURS,
                (int) defaults.idempotencyKeyRetention().toHours(), 1, 24 * 3650);
        int snapshotDepth = integer(BOOK_SNAPSHOT_DEPTH, defaults.bookSnapshotDepth(), 1, 500);
        int snapshotDays = integer(BOOK_SNAPSHOT_RETENTION_DAYS, (int) defaults.bookSnapshotRetention().toDays(), 1, 3650);
        int runDays = integer(JOB_RUN_RETENTION_DAYS, (int) defaults.jobRunRetention().toDays(), 1, 3650);
        return new JobsModule.Settings(schedules, Duration.ofHours(idempotencyHours), snapshotDepth,
                Duration.ofDays(snapshotDays), Duration.ofDays(runDays), defaults.runLease());
    }

    private String httpHost() {
        Optional<String> raw = value(HTTP_HOST);
        if (raw.isEmpty()) {
            return ServerConfig.DEFAULT_HTTP_HOST;
        }
        if (!HOST.matcher(raw.get()).matches()) {
            problems.add(HTTP_HOST + " must be a host name or an IP address such as 127.0.0.1 or 0.0.0.0, was '" + raw.get() + "'");
            return ServerConfig.DEFAULT_HTTP_HOST;
        }
        return raw.get();
    }

    private Optional<String> value(String name) {
        return Optional.ofNullable(settings.get(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    private Optional<ExternalDatabase> database() {
        Optional<String> url = value(DATABASE_URL);
        Optional<String> user = value(DATABASE_USER);
        Optional<String> password = value(DATABASE_PASSWORD);
        if (url.isEmpty()) {
            if (user.isPresent() || password.isPresent()) {
                problems.add(DATABASE_USER + " and " + DATABASE_PASSWORD + " need " + DATABASE_URL
                        + "; without it the embedded database is used");
            }
            return Optional.empty();
        }
        String jdbcUrl = url.get();
        if (jdbcUrl.startsWith("postgres://") || jdbcUrl.startsWith("postgresql://")) {
            problems.add(DATABASE_URL + " must be a JDBC URL: write jdbc:postgresql://host:port/database and put the"
                    + " user and password in " + DATABASE_USER + " and " + DATABASE_PASSWORD);
            return Optional.empty();
        }
        if (!jdbcUrl.startsWith("jdbc:postgresql://") || jdbcUrl.length() == "jdbc:postgresql://".length()) {
            problems.add(DATABASE_URL + " must look like jdbc:postgresql://host:port/database");
            return Optional.empty();
        }
        return Optional.of(new ExternalDatabase(jdbcUrl, user, password.map(Secret::ofText)));
    }

    private Optional<URI> redisUrl() {
        Optional<String> raw = value(REDIS_URL);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            URI url = new URI(raw.get());
            RedisEndpoint.parse(url);
            return Optional.of(url);
        } catch (URISyntaxException | IllegalArgumentException e) {
            String reason = e instanceof URISyntaxException ? "is not a valid URL (expected redis://host:port)" : e.getMessage();
            problems.add(REDIS_URL + " " + reason);
            return Optional.empty();
        }
    }

    private int integer(String name, int defaultValue, int min, int max) {
        Optional<String> raw = value(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(raw.get());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(name + " must be a whole number from " + min + " to " + max + ", was '" + raw.get() + "'");
        return defaultValue;
    }

    private Optional<Secret> masterKey() {
        Optional<String> raw = value(MASTER_KEY);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        byte[] key;
        try {
            key = decodeBase64(raw.get());
        } catch (IllegalArgumentException e) {
            problems.add(MASTER_KEY + " must be base64 (e.g. from 'openssl rand -base64 32'); the value is not");
            return Optional.empty();
        }
        if (key.length != ServerConfig.MASTER_KEY_BYTES) {
            problems.add(MASTER_KEY + " must decode to exactly " + ServerConfig.MASTER_KEY_BYTES + " bytes, got "
                    + key.length + " (generate one with 'openssl rand -base64 32')");
            return Optional.empty();
        }
        return Optional.of(Secret.ofBytes(key));
    }

    /** Accepts standard and URL-safe base64, with or without padding. */
    private static byte[] decodeBase64(String text) {
        String compact = text.strip();
        if (compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0) {
            return Base64.getUrlDecoder().decode(compact);
        }
        return Base64.getDecoder().decode(compact);
    }

    private Optional<Secret> jwtSecret() {
        Optional<Secret> secret = value(JWT_SECRET).map(Secret::ofText);
        if (secret.isPresent() && secret.get().length() < ServerConfig.MIN_JWT_SECRET_BYTES) {
            problems.add(JWT_SECRET + " must be at least " + ServerConfig.MIN_JWT_SECRET_BYTES + " bytes long, got "
                    + secret.get().length());
            return Optional.empty();
        }
        return secret;
    }

    private Optional<AdminAccount> firstAdmin() {
        Optional<String> username = value(ADMIN_USERNAME);
        Optional<String> password = Optional.ofNullable(settings.get(ADMIN_PASSWORD)).filter(s -> !s.isEmpty());
        if (username.isEmpty() && password.isEmpty()) {
            return Optional.empty();
        }
        if (username.isEmpty() || password.isEmpty()) {
            problems.add(ADMIN_USERNAME + " and " + ADMIN_PASSWORD + " must be set together");
            return Optional.empty();
        }
        boolean valid = true;
        if (!USERNAME.matcher(username.get()).matches()) {
            problems.add(ADMIN_USERNAME + " must be 1 to 64 letters, digits, '.', '_' or '-'");
            valid = false;
        }
        if (password.get().length() < ServerConfig.MIN_ADMIN_PASSWORD_LENGTH) {
            problems.add(ADMIN_PASSWORD + " must be at least " + ServerConfig.MIN_ADMIN_PASSWORD_LENGTH + " characters long");
            valid = false;
        }
        return valid ? Optional.of(new AdminAccount(username.get(), Secret.ofText(password.get()))) : Optional.empty();
    }

    private Path dataDir() {
        Path fallback = Path.of(System.getProperty("user.home"), ".orderbook-workstation", "server");
        Optional<String> raw = value(DATA_DIR);
        if (raw.isEmpty()) {
            return fallback;
        }
        try {
            Path dir = Path.of(raw.get()).toAbsolutePath().normalize();
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                problems.add(DATA_DIR + " must be a directory, but " + dir + " is a file");
            }
            return dir;
        } catch (InvalidPathException e) {
            problems.add(DATA_DIR + " is not a valid path: " + e.getMessage());
            return fallback;
        }
    }

    private DemoSettings demo() {
        boolean enabled = bool(DEMO_DATA, false);
        String username = value(DEMO_TRADER_USERNAME).orElse(DemoSettings.DEFAULT_TRADER_USERNAME);
        if (!CredentialRules.USERNAME.matcher(username).matches()) {
            problems.add(DEMO_TRADER_USERNAME + " must be 3 to 64 letters, digits, '.', '_' or '-'");
            username = DemoSettings.DEFAULT_TRADER_USERNAME;
        }
        Optional<Secret> password = Optional.ofNullable(settings.get(DEMO_TRADER_PASSWORD)).filter(s -> !s.isEmpty())
                .map(Secret::ofText);
        if (password.isPresent() && (password.get().length() < CredentialRules.MIN_PASSWORD_LENGTH
                || password.get().length() > CredentialRules.MAX_PASSWORD_LENGTH)) {
            problems.add(DEMO_TRADER_PASSWORD + " must have " + CredentialRules.MIN_PASSWORD_LENGTH + " to "
                    + CredentialRules.MAX_PASSWORD_LENGTH + " characters");
            password = Optional.empty();
        }
        int refreshMillis = integer(DEMO_MAKER_REFRESH_MILLIS, (int) DemoSettings.DEFAULT_MAKER_REFRESH.toMillis(),
                50, 3_600_000);
        return new DemoSettings(enabled, username, password, Duration.ofMillis(refreshMillis));
    }

    private boolean bool(String name, boolean defaultValue) {
        Optional<String> raw = value(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        return switch (raw.get().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> {
                problems.add(name + " must be true or false, was '" + raw.get() + "'");
                yield defaultValue;
            }
        };
    }
}
