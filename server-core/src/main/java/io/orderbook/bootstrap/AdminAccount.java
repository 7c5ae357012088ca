package io.orderbook.bootstrap;

import java.util.Objects;

/**
 * The administrator created on first start, from {@code ADMIN_USERNAME} and {@code ADMIN_PASSWORD}.
 *
 * @param username the administrator's login name
 * @param password the administrator's password, at least {@link ServerConfig#MIN_ADMIN_PASSWORD_LENGTH} characters
 */
public record AdminAccount(String username, Secret password) {

    /**
     * Checks that both parts are present.
     *
     * @throws NullPointerException if {@code username} or {@code password} is null
     */
    public AdminAccount {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "AdminAccount[username=" + username + ", password=<redacted>]";
    }
}
