package io.orderbook.bootstrap;

import io.orderbook.adapters.persistence.DatabaseTarget;
import io.orderbook.adapters.persistence.JdbcUrls;
import java.util.Objects;
import java.util.Optional;

/**
 * A PostgreSQL server run by someone else, from {@code DATABASE_URL}, {@code DATABASE_USER} and
 * {@code DATABASE_PASSWORD}.
 */
public record ExternalDatabase(String jdbcUrl, Optional<String> user, Optional<Secret> password) {

    public ExternalDatabase {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
    }

    /** Where the persistence adapter connects. */
    public DatabaseTarget target() {
        return DatabaseTarget.of(jdbcUrl, user, password.map(Secret::reveal));
    }

    @Override
    public String toString() {
        return "ExternalDatabase[jdbcUrl=" + JdbcUrls.redact(jdbcUrl) + ", user=" + user.orElse("<from URL>")
                + ", password=" + (password.isPresent() ? "<redacted>" : "<none>") + "]";
    }
}
