package io.orderbook.app.admin.apikeys;

import io.orderbook.app.admin.common.ServerCalls;
import io.orderbook.app.client.admin.AdminClient;
import io.orderbook.app.client.admin.ApiKeyInfo;
import io.orderbook.app.client.admin.IssuedApiKey;
import io.orderbook.app.client.admin.NewApiKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The API keys screen's state and commands. A new or regenerated key's full text goes to the
 * {@code onIssued} handler once (which shows it) and is not kept here.
 */
public final class ApiKeysModel {

    private final AdminClient client;
    private final ServerCalls calls;
    private final long userId;
    private final boolean admin;
    private final ObservableList<ApiKeyInfo> keys = FXCollections.observableArrayList();
    private final BooleanProperty everyone = new SimpleBooleanProperty(this, "everyone", false);

    /**
     * Creates the screen's state, empty until {@link #refresh()}.
     *
     * @param client the admin operations of the logged-in user
     * @param calls  runs the server calls off the JavaFX thread
     * @param userId the logged-in user, whose keys are listed by default
     * @param admin  whether the user may list every user's keys
     */
    public ApiKeysModel(AdminClient client, ServerCalls calls, long userId, boolean admin) {
        this.client = Objects.requireNonNull(client, "client");
        this.calls = Objects.requireNonNull(calls, "calls");
        this.userId = userId;
        this.admin = admin;
    }

    ObservableList<ApiKeyInfo> keys() {
        return keys;
    }

    boolean isAdmin() {
        return admin;
    }

    /** For administrators: list every user's keys instead of their own. */
    BooleanProperty everyoneProperty() {
        return everyone;
    }

    /**
     * Reloads the keys from the server, off the JavaFX thread: the user's own, or everyone's when an administrator
     * chose so.
     */
    public void refresh() {
        boolean all = admin && everyone.get();
        calls.run(() -> client.apiKeys(all ? null : userId), keys::setAll);
    }

    void create(NewApiKey key, Consumer<IssuedApiKey> onIssued) {
        calls.run(() -> client.createApiKey(key), issued -> {
            replace(issued.key());
            onIssued.accept(issued);
        });
    }

    void regenerate(ApiKeyInfo key, Duration gracePeriod, Instant newExpiry, Consumer<IssuedApiKey> onIssued) {
        calls.run(() -> client.regenerateApiKey(key.id(), gracePeriod, newExpiry), issued -> {
            replace(issued.key());
            onIssued.accept(issued);
        });
    }

    void revoke(ApiKeyInfo key) {
        calls.run(() -> client.revokeApiKey(key.id()), this::replace);
    }

    void delete(ApiKeyInfo key) {
        calls.run(() -> {
            client.deleteApiKey(key.id());
            return key;
        }, deleted -> keys.removeIf(k -> k.id() == deleted.id()));
    }

    private void replace(ApiKeyInfo changed) {
        for (int i = 0; i < keys.size(); i++) {
            if (keys.get(i).id() == changed.id()) {
                keys.set(i, changed);
                return;
            }
        }
        keys.add(changed);
    }
}
