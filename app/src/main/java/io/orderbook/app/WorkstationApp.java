package io.orderbook.app;

import io.orderbook.app.admin.AdminArea;
import io.orderbook.app.admin.common.ServerCalls;
import io.orderbook.app.client.Connector;
import io.orderbook.app.client.EmbeddedEngine;
import io.orderbook.app.client.WorkstationClient;
import io.orderbook.app.client.admin.AdminClients;
import io.orderbook.app.common.WorkstationPrefs;
import io.orderbook.app.login.LoginView;
import io.orderbook.app.shell.ShellModel;
import io.orderbook.app.shell.ShellView;
import io.orderbook.app.shell.WorkstationTheme;
import io.orderbook.app.trading.TradingModel;
import java.time.Clock;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.prefs.Preferences;
import javafx.application.Application;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Orderbook Workstation desktop application: the login screen, then one main window with the trading shell. It
 * remembers the window's place and size, the layout, the theme and the last market.
 */
public class WorkstationApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(WorkstationApp.class);

    private static final String TITLE = "Orderbook Workstation";
    private static final double PREFERRED_WIDTH = 1440;
    private static final double PREFERRED_HEIGHT = 900;
    private static final double MIN_WIDTH = 1024;
    private static final double MIN_HEIGHT = 640;

    private final Supplier<Connector> connectorFactory;
    private Connector connector;
    private Stage stage;
    private Preferences prefs;
    private final ShellModel shellModel = new ShellModel();
    private WorkstationClient client;
    private TradingModel trading;
    private ShellView shell;

    /** The workstation with its own embedded server under the user's data directory. */
    public WorkstationApp() {
        this(() -> new Connector(EmbeddedEngine.standard(), Clock.systemUTC(), true));
    }

    /**
     * The workstation with another way to connect (tests use a shared server).
     *
     * @param connectorFactory makes the connector when the application starts; the application closes it on stop
     */
    public WorkstationApp(Supplier<Connector> connectorFactory) {
        this.connectorFactory = connectorFactory;
    }

    @Override
    public void start(Stage primary) {
        this.stage = primary;
        this.prefs = WorkstationPrefs.node();
        this.connector = connectorFactory.get();
        try {
            shellModel.setTheme(WorkstationTheme.valueOf(prefs.get("theme", WorkstationTheme.DARK.name())));
        } catch (IllegalArgumentException unknown) {
            shellModel.setTheme(WorkstationTheme.DARK);
        }
        // The user agent stylesheet is global to the JavaFX runtime, so the application owns it, not a view.
        shellModel.themeProperty().subscribe(theme -> {
            Application.setUserAgentStylesheet(theme.userAgentStylesheet());
            prefs.put("theme", theme.name());
        });
        stage.setTitle(TITLE);
        stage.setScene(new Scene(new LoginView(connector, prefs, this::loggedIn).root()));
        stage.show();
    }

    /** The main window, once logged in. */
    private void loggedIn(WorkstationClient session) {
        this.client = session;
        this.trading = new TradingModel(session);
        this.shell = new ShellView(shellModel, trading, session.session(), session.serverDescription());
        boolean admin = session.session().isAdmin();
        shell.addAdminArea(new AdminArea(AdminClients.of(session), ServerCalls.withProblemDialogs(),
                session.session().userId(), admin, Clock.systemUTC()), admin);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        double width = prefs.getDouble("window.width", Math.min(PREFERRED_WIDTH, screen.getWidth()));
        double height = prefs.getDouble("window.height", Math.min(PREFERRED_HEIGHT, screen.getHeight()));
        Scene scene = new Scene(shell.root(), width, height);
        shell.installShortcuts(scene);
        stage.setScene(scene);
        stage.setMinWidth(Math.min(MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, screen.getHeight()));
        stage.setTitle(TITLE + " — " + session.session().username());
        if (!Double.isNaN(prefs.getDouble("window.x", Double.NaN))) {
            stage.setX(prefs.getDouble("window.x", 0));
            stage.setY(prefs.getDouble("window.y", 0));
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(prefs.getBoolean("window.maximized", false));
        String dividers = prefs.get("layout.dividers", "");
        if (!dividers.isEmpty()) {
            try {
                shell.setDividers(Arrays.stream(dividers.split(",")).mapToDouble(Double::parseDouble).toArray());
            } catch (NumberFormatException ignored) {
                // A damaged preference: keep the default layout.
            }
        }
        trading.selectedMarketProperty().subscribe(m -> {
            if (m != null) {
                prefs.put("market.last", m.symbol());
            }
        });
        trading.onNotice(this::notify);
        trading.load(prefs.get("market.last", ""));
    }

    /** A ControlsFX notification for fills, rejections and triggered orders. */
    private void notify(TradingModel.Notice notice) {
        try {
            Notifications n = Notifications.create().owner(stage).title(notice.title()).text(notice.text())
                    .position(Pos.BOTTOM_RIGHT).hideAfter(Duration.seconds(5));
            switch (notice.kind()) {
                case FILL -> n.showInformation();
                case REJECTED -> n.showError();
                case TRIGGERED -> n.showWarning();
            }
        } catch (RuntimeException e) {
            // A notification is a courtesy: the status line shows the notice too.
            LOG.debug("Could not show a notification", e);
        }
    }

    /**
     * The main window's shell (tests, screenshots).
     *
     * @return the shell; null until the user has logged in
     */
    public ShellView shell() {
        return shell;
    }

    /**
     * The trading screens' state (tests).
     *
     * @return the model; null until the user has logged in
     */
    public TradingModel trading() {
        return trading;
    }

    @Override
    public void stop() {
        saveLayout();
        if (trading != null) {
            trading.close();
        }
        if (client != null) {
            client.close();
        }
        if (connector != null) {
            connector.close();
        }
    }

    private void saveLayout() {
        if (stage == null || shell == null) {
            return;
        }
        prefs.putBoolean("window.maximized", stage.isMaximized());
        if (!stage.isMaximized()) {
            prefs.putDouble("window.x", stage.getX());
            prefs.putDouble("window.y", stage.getY());
            prefs.putDouble("window.width", stage.getWidth());
            prefs.putDouble("window.height", stage.getHeight());
        }
        prefs.put("layout.dividers", String.join(",", Arrays.stream(shell.dividers()).mapToObj(Double::toString).toList()));
    }
}
