package io.orderbook.bootstrap;

import java.util.Objects;

/** The administrator created on first start, from {@code ADMIN_USERNAME} and {@code ADMIN_PASSWORD}. */
public record AdminAccount(String username, Secret password) {

    public AdminAccount {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
    }

    @Override
    public String toString() {
        return "AdminAccount[username=" + username + ", password=<redacted>]";
    }
}
