package io.orderbook.app.admin.apikeys;

import io.orderbook.app.admin.common.Columns;
import io.orderbook.app.admin.common.Formats;
import io.orderbook.app.client.admin.ApiKeyInfo;
import io.orderbook.app.client.admin.IssuedApiKey;
import io.orderbook.app.client.admin.KeyScope;
import io.orderbook.app.client.admin.NewApiKey;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import atlantafx.base.controls.ToggleSwitch;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * API keys: create (scope, rate limit, expiry date, optional IP allow-list), regenerate with a grace period,
 * revoke, delete; every user for their own keys, administrators for everyone's.
 */
public final class ApiKeysView {

    private static final int DEFAULT_REQUESTS_PER_MINUTE = 600;
    private static final int DEFAULT_VALID_DAYS = 90;
    /** Grace periods offered when regenerating; the server allows 0 to 24 hours. */
    private static final List<Duration> GRACE_PERIODS = List.of(Duration.ZERO, Duration.ofMinutes(15), Duration.ofHours(1),
            Duration.ofHours(6), Duration.ofHours(24));

    private final ApiKeysModel model;
    private final BorderPane root = new BorderPane();
    private final TableView<ApiKeyInfo> table = new TableView<>();

    /**
     * Builds the screen; it shows what {@code model} holds and sends the user's commands to it.
     *
     * @param model the screen's state and commands
     */
    public ApiKeysView(ApiKeysModel model) {
        this.model = model;
        root.setId("apiKeysView");
        table.setId("apiKeysTable");
        table.setItems(model.keys());
        table.setPlaceholder(new Label("No API keys yet: create one for scripts and bots"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                Columns.text("Name", ApiKeyInfo::name),
                Columns.text("Prefix", ApiKeyInfo::displayPrefix),
                Columns.number("Owner", (ApiKeyInfo k) -> Long.toString(k.userId())),
                Columns.text("Scope", (ApiKeyInfo k) -> k.scope().name()),
                Columns.number("Limit / min", (ApiKeyInfo k) -> Integer.toString(k.requestsPerMinute())),
                Columns.text("Expires", (ApiKeyInfo k) -> Formats.dateTime(k.expiresAt())),
                Columns.text("Last used", (ApiKeyInfo k) -> Formats.dateTime(k.lastUsedAt())),
                Columns.text("Status", ApiKeysView::status),
                Columns.text("IP allow-list", (ApiKeyInfo k) -> k.ipAllowList().isEmpty() ? "any" : String.join(", ", k.ipAllowList()))));

        var selected = table.getSelectionModel().selectedItemProperty();
        var create = new Button("New key…");
        create.setId("newApiKey");
        create.setOnAction(_ -> newKeyDialog().showAndWait().ifPresent(key -> model.create(key, issued -> showSecret(issued, "created"))));
        var regenerate = new Button("Regenerate…");
        regenerate.setId("regenerateApiKey");
        regenerate.disableProperty().bind(Bindings.createBooleanBinding(
                () -> selected.get() == null || "REVOKED".equals(selected.get().status()), selected));
        regenerate.setOnAction(_ -> {
            ApiKeyInfo key = selected.get();
            regenerateDialog(key).showAndWait().ifPresent(choice ->
                    model.regenerate(key, choice.gracePeriod(), choice.expiresAt(), issued -> showSecret(issued, "regenerated")));
        });
        var revoke = new Button("Revoke");
        revoke.setId("revokeApiKey");
        revoke.disableProperty().bind(regenerate.disableProperty());
        revoke.setOnAction(_ -> confirm("Revoke " + selected.get().displayPrefix() + "?",
                "The key stops working at once, on every server node.").ifPresent(_ -> model.revoke(selected.get())));
        var delete = new Button("Delete");
        delete.setId("deleteApiKey");
        delete.getStyleClass().add("danger");
        delete.disableProperty().bind(selected.isNull());
        delete.setOnAction(_ -> confirm("Delete " + selected.get().displayPrefix() + "?",
                "The key stops working at once and disappears from the list.").ifPresent(_ -> model.delete(selected.get())));
        var refresh = new Button("Refresh");
        refresh.setOnAction(_ -> model.refresh());

        var toolbar = new ToolBar(create, new Separator(), regenerate, revoke, delete, new Separator(), refresh);
        if (model.isAdmin()) {
            var everyone = new ToggleSwitch("All users' keys");
            everyone.setId("allUsersKeys");
            everyone.selectedProperty().bindBidirectional(model.everyoneProperty());
            everyone.selectedProperty().subscribe(model::refresh);
            var spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            toolbar.getItems().addAll(spacer, everyone);
        }
        root.setTop(toolbar);
        root.setCenter(table);
    }

    /**
     * The screen's node, for its tab.
     *
     * @return the root of the key table and its toolbar
     */
    public Node root() {
        return root;
    }

    private static String status(ApiKeyInfo key) {
        if (key.previousSecretValidUntil() != null) {
            return key.status() + " (old secret until " + Formats.time(key.previousSecretValidUntil()) + ")";
        }
        return key.status();
    }

    private static void showSecret(IssuedApiKey issued, String action) {
        SecretDialog.create(issued, action).showAndWait();
    }

    private static Optional<ButtonType> confirm(String header, String text) {
        var alert = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.OK, ButtonType.CANCEL);
        alert.setHeaderText(header);
        return alert.showAndWait().filter(button -> button == ButtonType.OK);
    }

    private static Dialog<NewApiKey> newKeyDialog() {
        var name = new TextField();
        name.setId("apiKeyName");
        name.setPromptText("e.g. market-data bot");
        var scope = new ComboBox<KeyScope>();
        scope.setId("apiKeyScope");
        scope.getItems().setAll(KeyScope.values());
        scope.setValue(KeyScope.READ_ONLY);
        var limit = new Spinner<Integer>(1, 100_000, DEFAULT_REQUESTS_PER_MINUTE, 60);
        limit.setId("apiKeyLimit");
        limit.setEditable(true);
        var expires = new DatePicker(LocalDate.now().plusDays(DEFAULT_VALID_DAYS));
        expires.setId("apiKeyExpires");
        var allowList = new TextField();
        allowList.setId("apiKeyAllowList");
        allowList.setPromptText("optional: 203.0.113.0/24, 2001:db8::1");

        var form = form();
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Scope"), scope);
        form.addRow(2, new Label("Requests / minute"), limit);
        form.addRow(3, new Label("Expires on"), expires);
        form.addRow(4, new Label("IP allow-list"), allowList);

        var dialog = new Dialog<NewApiKey>();
        dialog.setTitle("New API key");
        dialog.setHeaderText("Create a key for scripts and bots. Read-only keys cannot place or cancel orders.");
        dialog.getDialogPane().setId("newApiKeyDialog");
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(name.textProperty().isEmpty().or(expires.valueProperty().isNull()));
        dialog.setResultConverter(button -> button == ButtonType.OK
                ? new NewApiKey(name.getText().strip(), scope.getValue(), limit.getValue(), endOfDay(expires.getValue()),
                        entries(allowList.getText()))
                : null);
        return dialog;
    }

    /** What the user chose when regenerating: how long the old secret lives on, and a new expiry or null. */
    private record Regeneration(Duration gracePeriod, Instant expiresAt) {
    }

    private static Dialog<Regeneration> regenerateDialog(ApiKeyInfo key) {
        var grace = new ComboBox<Duration>();
        grace.setId("regenerateGrace");
        grace.getItems().setAll(GRACE_PERIODS);
        grace.setValue(Duration.ofHours(1));
        grace.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Duration duration) {
                if (duration == null) return "";
                if (duration.isZero()) return "none: the old secret stops now";
                return duration.toHours() > 0 ? duration.toHours() + " h" : duration.toMinutes() + " min";
            }

            @Override
            public Duration fromString(String text) {
                throw new UnsupportedOperationException("the grace period is chosen from the list");
            }
        });
        boolean expired = "EXPIRED".equals(key.status());
        var newExpiry = new CheckBox("New expiry date");
        newExpiry.setSelected(expired);
        newExpiry.setDisable(expired);
        var expires = new DatePicker(LocalDate.now().plusDays(DEFAULT_VALID_DAYS));
        expires.setId("regenerateExpires");
        expires.disableProperty().bind(newExpiry.selectedProperty().not());

        var form = form();
        form.addRow(0, new Label("Old secret works for"), grace);
        form.addRow(1, newExpiry, expires);

        var dialog = new Dialog<Regeneration>();
        dialog.setTitle("Regenerate API key");
        dialog.setHeaderText("New secret for " + key.displayPrefix() + " with the same settings"
                + (expired ? ".\nThe key has expired: give it a new expiry date." : "."));
        dialog.getDialogPane().setId("regenerateApiKeyDialog");
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(button -> button == ButtonType.OK
                ? new Regeneration(grace.getValue(), newExpiry.isSelected() ? endOfDay(expires.getValue()) : null)
                : null);
        return dialog;
    }

    private static GridPane form() {
        var form = new GridPane(10, 8);
        form.setPadding(new Insets(8, 0, 0, 0));
        return form;
    }

    /** The key works through the whole chosen day, in the user's time zone. */
    private static Instant endOfDay(LocalDate date) {
        return date == null ? null : date.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant().minusSeconds(1);
    }

    private static List<String> entries(String text) {
        return Arrays.stream(text.split("[,\\s]+")).map(String::strip).filter(entry -> !entry.isEmpty()).toList();
    }
}
