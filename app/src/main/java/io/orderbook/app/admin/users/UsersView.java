package io.orderbook.app.admin.users;

import io.orderbook.app.admin.common.Columns;
import io.orderbook.app.admin.common.Formats;
import io.orderbook.app.client.admin.AdminUser;
import io.orderbook.app.client.admin.NewUser;
import io.orderbook.app.client.admin.UserRole;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Separator;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;

/** Users: list, create, change role, disable and enable. */
public final class UsersView {

    private final UsersModel model;
    private final BorderPane root = new BorderPane();
    private final TableView<AdminUser> table = new TableView<>();

    /**
     * Builds the screen; it shows what {@code model} holds and sends the user's commands to it.
     *
     * @param model the screen's state and commands
     */
    public UsersView(UsersModel model) {
        this.model = model;
        root.setId("usersView");
        table.setId("usersTable");
        table.setItems(model.users());
        table.setPlaceholder(new Label("No users loaded"));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(java.util.List.of(
                Columns.number("ID", (AdminUser u) -> Long.toString(u.id())),
                Columns.text("Username", AdminUser::username),
                Columns.text("Role", (AdminUser u) -> u.role().name()),
                Columns.text("Status", (AdminUser u) -> u.enabled() ? "Enabled" : "Disabled"),
                Columns.text("Created", (AdminUser u) -> Formats.dateTime(u.createdAt())),
                Columns.text("Updated", (AdminUser u) -> Formats.dateTime(u.updatedAt()))));
        table.getColumns().getFirst().setMaxWidth(70);

        var create = new Button("New user…");
        create.setId("newUser");
        create.setOnAction(_ -> newUserDialog().showAndWait().ifPresent(model::create));

        var selected = table.getSelectionModel().selectedItemProperty();
        var changeRole = new Button("Change role…");
        changeRole.setId("changeRole");
        changeRole.disableProperty().bind(selected.isNull());
        changeRole.setOnAction(_ -> {
            AdminUser user = selected.get();
            var dialog = new ChoiceDialog<>(user.role(), UserRole.values());
            dialog.setTitle("Change role");
            dialog.setHeaderText("Role of " + user.username());
            dialog.getDialogPane().setId("changeRoleDialog");
            dialog.showAndWait().filter(role -> role != user.role()).ifPresent(role -> model.changeRole(user, role));
        });

        var toggleEnabled = new Button();
        toggleEnabled.setId("toggleEnabled");
        toggleEnabled.textProperty().bind(Bindings.createStringBinding(
                () -> selected.get() != null && !selected.get().enabled() ? "Enable" : "Disable", selected));
        toggleEnabled.disableProperty().bind(selected.isNull());
        toggleEnabled.setOnAction(_ -> model.setEnabled(selected.get(), !selected.get().enabled()));

        var refresh = new Button("Refresh");
        refresh.setOnAction(_ -> model.refresh());

        root.setTop(new ToolBar(create, new Separator(), changeRole, toggleEnabled, new Separator(), refresh));
        root.setCenter(table);
    }

    /**
     * The screen's node, for its tab.
     *
     * @return the root of the user table and its toolbar
     */
    public Node root() {
        return root;
    }

    private static Dialog<NewUser> newUserDialog() {
        var username = new TextField();
        username.setId("newUsername");
        username.setPromptText("3 to 64 letters, digits, . _ -");
        var password = new PasswordField();
        password.setId("newPassword");
        password.setPromptText("at least 12 characters");
        var role = new ComboBox<UserRole>();
        role.setId("newRole");
        role.getItems().setAll(UserRole.values());
        role.setValue(UserRole.TRADER);

        var form = new GridPane(10, 8);
        form.setPadding(new Insets(8, 0, 0, 0));
        form.addRow(0, new Label("Username"), username);
        form.addRow(1, new Label("Password"), password);
        form.addRow(2, new Label("Role"), role);

        var dialog = new Dialog<NewUser>();
        dialog.setTitle("New user");
        dialog.setHeaderText("Create a user; they can log in at once.");
        dialog.getDialogPane().setId("newUserDialog");
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).disableProperty()
                .bind(username.textProperty().isEmpty().or(password.textProperty().isEmpty()));
        dialog.setResultConverter(button -> button == ButtonType.OK
                ? new NewUser(username.getText().strip(), password.getText(), role.getValue()) : null);
        return dialog;
    }
}
