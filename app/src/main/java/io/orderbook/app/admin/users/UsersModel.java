package io.orderbook.app.admin.users;

import io.orderbook.app.admin.common.ServerCalls;
import io.orderbook.app.client.admin.AdminClient;
import io.orderbook.app.client.admin.AdminUser;
import io.orderbook.app.client.admin.NewUser;
import io.orderbook.app.client.admin.UserRole;
import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The users screen's state and commands; every command reloads or replaces the changed row. */
public final class UsersModel {

    private final AdminClient client;
    private final ServerCalls calls;
    private final ObservableList<AdminUser> users = FXCollections.observableArrayList();

    /**
     * Creates the screen's state, empty until {@link #refresh()}.
     *
     * @param client the admin operations of the logged-in user
     * @param calls  runs the server calls off the JavaFX thread
     */
    public UsersModel(AdminClient client, ServerCalls calls) {
        this.client = Objects.requireNonNull(client, "client");
        this.calls = Objects.requireNonNull(calls, "calls");
    }

    /** The users, by id. */
    ObservableList<AdminUser> users() {
        return users;
    }

    /** Reloads the users from the server, off the JavaFX thread. */
    public void refresh() {
        calls.run(client::users, users::setAll);
    }

    void create(NewUser user) {
        calls.run(() -> client.createUser(user), created -> users.add(created));
    }

    void changeRole(AdminUser user, UserRole role) {
        calls.run(() -> client.changeRole(user.id(), role), this::replace);
    }

    void setEnabled(AdminUser user, boolean enabled) {
        calls.run(() -> client.setEnabled(user.id(), enabled), this::replace);
    }

    private void replace(AdminUser changed) {
        for (int i = 0; i < users.size(); i++) {
            if (users.get(i).id() == changed.id()) {
                users.set(i, changed);
                return;
            }
        }
        users.add(changed);
    }
}
