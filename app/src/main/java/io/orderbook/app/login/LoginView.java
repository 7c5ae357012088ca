package io.orderbook.app.login;

import atlantafx.base.theme.Styles;
import io.orderbook.app.client.ClientException;
import io.orderbook.app.client.ConnectionMode;
import io.orderbook.app.client.ConnectionSettings;
import io.orderbook.app.client.Connector;
import io.orderbook.app.client.InitialAdminPassword;
import io.orderbook.app.client.WorkstationClient;
import io.orderbook.app.common.Background;
import java.net.URI;
import java.util.function.Consumer;
import java.util.prefs.Preferences;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The start-up screen: Embedded (the default: the server runs inside the workstation) or Remote (a server URL), then
 * username and password. It remembers the last choice and username (never the password). In embedded mode the first
 * administrator is {@value InitialAdminPassword#USERNAME}; its initial password is generated on first start into a
 * file only the user can read, and one click fills it in.
 */
public final class LoginView {

    private final Connector connector;
    private final Preferences prefs;
    private final Consumer<WorkstationClient> onLogin;
    private final RadioButton embedded = new RadioButton("Embedded (this computer)");
    private final RadioButton remote = new RadioButton("Remote server");
    private final TextField url = new TextField();
    private final TextField username = new TextField();
    private final PasswordField password = new PasswordField();
    private final Label hint = new Label();
    private final Label error = new Label();
    private final Button login = new Button("Log in");
    private final Button useInitial = new Button("Use initial admin password");
    private final Button useDemo = new Button("Use demo trader");
    private final ProgressIndicator progress = new ProgressIndicator();
    private final VBox root;

    /**
     * Builds the login form, filled with the last saved connection choice and username.
     *
     * @param connector logs in, embedded or remote
     * @param prefs     where the connection choice and username are remembered
     * @param onLogin   receives the logged-in client on the FX thread
     */
    public LoginView(Connector connector, Preferences prefs, Consumer<WorkstationClient> onLogin) {
        this.connector = connector;
        this.prefs = prefs;
        this.onLogin = onLogin;
        ToggleGroup modes = new ToggleGroup();
        embedded.setToggleGroup(modes);
        remote.setToggleGroup(modes);
        embedded.setId("modeEmbedded");
        remote.setId("modeRemote");
        url.setId("serverUrl");
        username.setId("username");
        password.setId("password");
        hint.setId("loginHint");
        error.setId("loginError");
        login.setId("loginButton");
        useInitial.setId("useInitialPassword");
        hint.setWrapText(true);
        error.setWrapText(true);
        error.getStyleClass().add(Styles.DANGER);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        login.getStyleClass().add(Styles.ACCENT);
        login.setDefaultButton(true);
        login.setMaxWidth(Double.MAX_VALUE);
        progress.setVisible(false);
        progress.setPrefSize(20, 20);

        ConnectionSettings last = ConnectionSettings.load(prefs);
        (last.mode() == ConnectionMode.REMOTE ? remote : embedded).setSelected(true);
        url.setText(last.remoteUrl().toString());
        String lastUser = ConnectionSettings.lastUsername(prefs);
        username.setText(lastUser.isEmpty() && last.mode() == ConnectionMode.EMBEDDED ? InitialAdminPassword.USERNAME : lastUser);
        url.disableProperty().bind(remote.selectedProperty().not());
        useInitial.visibleProperty().bind(embedded.selectedProperty());
        useInitial.managedProperty().bind(embedded.selectedProperty());
        modes.selectedToggleProperty().subscribe(t -> updateHint());
        useDemo.setId("useDemoTrader");
        useDemo.visibleProperty().bind(embedded.selectedProperty());
        useDemo.managedProperty().bind(embedded.selectedProperty());
        useDemo.setOnAction(e -> {
            // The demo trader's password exists once the server has started: start it in the background.
            error.setText(connector.embedded().running() ? "" : "Starting the embedded server…");
            progress.setVisible(true);
            Background.run(() -> connector.embedded().demoTraderPassword().orElseThrow(() -> new ClientException(0,
                    "NO_DEMO", "No demo data", "This embedded server runs without demo data.", java.util.List.of())),
                    secret -> {
                        progress.setVisible(false);
                        error.setText("");
                        username.setText(connector.embedded().server().core().infrastructure().config().demo()
                                .traderUsername());
                        password.setText(secret);
                    }, this::failed);
        });
        useInitial.setOnAction(e -> {
            username.setText(InitialAdminPassword.USERNAME);
            password.setText(connector.embedded().initialAdminPassword());
        });
        login.setOnAction(e -> login());

        Label title = new Label("Orderbook Workstation");
        title.getStyleClass().add(Styles.TITLE_3);
        GridPane form = new GridPane(8, 8);
        form.addRow(0, new Label("Username"), username);
        form.addRow(1, new Label("Password"), password);
        GridPane.setHgrow(username, Priority.ALWAYS);
        GridPane.setHgrow(password, Priority.ALWAYS);
        HBox remoteRow = new HBox(8, remote, url);
        HBox.setHgrow(url, Priority.ALWAYS);
        HBox actions = new HBox(8, login, progress);
        HBox.setHgrow(login, Priority.ALWAYS);
        root = new VBox(10, title, new Label("Server"), embedded, remoteRow, form, new HBox(8, useInitial, useDemo), hint, actions,
                error);
        root.setPadding(new Insets(20));
        root.setPrefWidth(460);
        root.getStyleClass().add("login");
        updateHint();
    }

    /**
     * The form's node, to put in the scene.
     *
     * @return the form
     */
    public Parent root() {
        return root;
    }

    private void updateHint() {
        if (embedded.isSelected()) {
            hint.setText("The server runs inside the workstation; data is kept in " + connector.embedded().dataDir()
                    + ". The first administrator is '" + InitialAdminPassword.USERNAME + "'; its initial password is in "
                    + InitialAdminPassword.file(connector.embedded().dataDir()) + ". Demo markets with a market maker and a demo"
                    + " trader are set up on the first start, which takes a few seconds.");
        } else {
            hint.setText("Enter the server's address, e.g. http://trading.example.com:8080.");
        }
    }

    private void login() {
        ConnectionSettings settings;
        try {
            settings = embedded.isSelected() ? ConnectionSettings.embedded()
                    .withRemoteUrl(URI.create(url.getText().strip()))
                    : ConnectionSettings.remote(URI.create(url.getText().strip()));
        } catch (IllegalArgumentException e) {
            error.setText("The server URL is not valid: " + e.getMessage());
            return;
        }
        String user = username.getText().strip();
        String secret = password.getText();
        if (user.isEmpty() || secret.isEmpty()) {
            error.setText("Enter username and password.");
            return;
        }
        error.setText(embedded.isSelected() && !connector.embedded().running() ? "Starting the embedded server…" : "");
        progress.setVisible(true);
        root.setDisable(true);
        Background.run(() -> connector.connect(settings, user, secret), client -> {
            settings.save(prefs, user);
            progress.setVisible(false);
            root.setDisable(false);
            password.clear();
            error.setText("");
            onLogin.accept(client);
        }, this::failed);
    }

    private void failed(ClientException e) {
        progress.setVisible(false);
        root.setDisable(false);
        error.setText(e.userMessage());
    }
}
