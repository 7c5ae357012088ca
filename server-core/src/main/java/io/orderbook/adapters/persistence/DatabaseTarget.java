package io.orderbook.adapters.persistence;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the database is and how to log in; {@link #toString()} never shows the password.
 *
 * @param jdbcUrl  a {@code jdbc:postgresql://} URL
 * @param user     the login role; empty to take it from the URL's {@code user} parameter
 * @param password the password, empty for trust or peer authentication
 * @param poolSize the most connections the pool opens, at least 2 (Flyway holds one for its lock while
 *                 migrating on another)
 * @param startupWait how long {@link Database#open} keeps trying to reach a database that is not up yet
 */
public record DatabaseTarget(String jdbcUrl, Optional<String> user, Optional<String> password, int poolSize,
                             Duration startupWait) {

    /** Enough for the API system and a group-committing order path on a small machine. */
    public static final int DEFAULT_POOL_SIZE = 10;
    /** Long enough for a database started alongside the server (e.g. by docker compose) to come up. */
    public static final Duration DEFAULT_STARTUP_WAIT = Duration.ofSeconds(10);

    /**
     * Checks the target.
     *
     * @throws IllegalArgumentException if the URL is not a PostgreSQL JDBC URL, {@code poolSize} is below 2
     *                                  or {@code startupWait} is negative
     */
    public DatabaseTarget {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (!jdbcUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("jdbcUrl must start with jdbc:postgresql://");
        }
        Objects.requireNonNull(startupWait, "startupWait");
        if (poolSize < 2) {
            throw new IllegalArgumentException("poolSize must be at least 2, was " + poolSize);
        }
        if (startupWait.isNegative()) {
            throw new IllegalArgumentException("startupWait must not be negative, was " + startupWait);
        }
    }

    /**
     * A target with the default pool size and start-up wait.
     *
     * @param jdbcUrl  a {@code jdbc:postgresql://} URL
     * @param user     the login role; empty to take it from the URL
     * @param password the password; empty for trust or peer authentication
     * @return the target
     */
    public static DatabaseTarget of(String jdbcUrl, Optional<String> user, Optional<String> password) {
        return new DatabaseTarget(jdbcUrl, user, password, DEFAULT_POOL_SIZE, DEFAULT_STARTUP_WAIT);
    }

    /**
     * The same target with another pool size.
     *
     * @param newPoolSize the most connections the pool opens, at least 2
     * @return a new target
     */
    public DatabaseTarget withPoolSize(int newPoolSize) {
        return new DatabaseTarget(jdbcUrl, user, password, newPoolSize, startupWait);
    }

    /**
     * The same target with another start-up wait.
     *
     * @param wait how long to keep trying to reach the database; zero tries once
     * @return a new target
     */
    public DatabaseTarget withStartupWait(Duration wait) {
        return new DatabaseTarget(jdbcUrl, user, password, poolSize, wait);
    }

    @Override
    public String toString() {
        return "DatabaseTarget[jdbcUrl=" + JdbcUrls.redact(jdbcUrl) + ", user=" + user.orElse("<from URL>")
                + ", password=" + (password.isPresent() ? "<redacted>" : "<none>") + ", poolSize=" + poolSize + ", startupWait=" + startupWait + "]";
    }
}
