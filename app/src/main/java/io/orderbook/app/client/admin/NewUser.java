package io.orderbook.app.client.admin;

/**
 * A user to create.
 *
 * @param username the login name
 * @param password the initial password in clear text; sent once, never kept by the client
 * @param role     what the user may do
 */
public record NewUser(String username, String password, UserRole role) {

    @Override
    public String toString() {
        return "NewUser[username=" + username + ", role=" + role + ", password=<redacted>]";
    }
}
