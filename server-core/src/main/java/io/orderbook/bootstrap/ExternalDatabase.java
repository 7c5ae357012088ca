package io.orderbook.bootstrap;

import io.orderbook.adapters.persistence.DatabaseTarget;
import io.orderbook.adapters.persistence.JdbcUrls;
import java.util.Objects;
import java.util.Optional;

/**
 * A PostgreSQL server run by someone else, from {@code DATABASE_URL}, {@code DATABASE_USER} and
 * {@code DATABASE_PASSWORD}.
 *
 * @param jdbcUrl  the JDBC URL, e.g. {@code jdbc:postgresql://db:5432/orderbook}
 * @param user     the user, or empty when the URL names it
 * @param password the password, or empty when the URL carries it or none is needed
 */
public record ExternalDatabase(String jdbcUrl, Optional<String> user, Optional<Secret> password) {

    /**
     * Checks that every component is present (the optional ones as {@link Optional}s).
     *
     * @throws NullPointerException if a component is null
     */
    public ExternalDatabase {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /** Where the persistence adapter connects. */
    DatabaseTarget target() {
        return DatabaseTarget.of(jdbcUrl, user, password.map(Secret::reveal));
    }

    @Override
    public String toString() {
        return "ExternalDatabase[jdbcUrl=" + JdbcUrls.redact(jdbcUrl) + ", user=" + user.orElse("<from URL>")
                + ", password=" + (password.isPresent() ? "<redacted>" : "<none>") + "]";
    }
}
