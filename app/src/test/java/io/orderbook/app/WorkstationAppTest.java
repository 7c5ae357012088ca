package io.orderbook.app;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import io.orderbook.app.client.Connector;
import io.orderbook.app.client.WorkstationClient;
import io.orderbook.app.client.inprocess.InProcessWorkstationClient;
import io.orderbook.app.client.trading.Fill;
import io.orderbook.app.client.trading.Order;
import io.orderbook.app.client.trading.OrderRequest;
import io.orderbook.domain.model.Side;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real workstation (headless on Monocle in the build) against the run's real server, as a user would:
 * logs in, places and cancels an order seen in the blotter and the ladder, takes a level from the ladder, closes a
 * fill. Another trader, called in-process, provides the resting orders.
 */
class WorkstationAppTest {

    private static String market;
    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private WorkstationApp app;
    private WorkstationClient other;

    @BeforeAll
    static void marketAndTraders() {
        // The app remembers choices in preferences: the test's own node, never the user's.
        System.setProperty("obw.prefs.node", "orderbook-workstation-test-" + ProcessHandle.current().pid());
        market = TestMarkets.market("TGUI");
        TestMarkets.trader("carol");
        TestMarkets.trader("dave");
    }

    @org.junit.jupiter.api.AfterAll
    static void forgetTestPreferences() throws java.util.prefs.BackingStoreException {
        io.orderbook.app.common.WorkstationPrefs.node().removeNode();
    }

    @BeforeEach
    void startWorkstation() throws TimeoutException {
        stage = FxToolkit.registerPrimaryStage();
        app = (WorkstationApp) FxToolkit.setupApplication(
                () -> new WorkstationApp(() -> new Connector(TestServer.engine(), Clock.systemUTC(), false)));
        other = InProcessWorkstationClient.login(TestServer.server(), "dave", TestMarkets.PASSWORD);
    }

    @AfterEach
    void stopWorkstation() throws TimeoutException {
        other.cancelAll(market);
        other.close();
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void wrongPasswordIsShownInlineAndTheWindowStays() {
        robot.clickOn("#username").eraseText(20).write("carol");
        robot.clickOn("#password").write("not-the-password");
        robot.clickOn("#loginButton");
        await(() -> !text("#loginError").isEmpty() && !text("#loginError").startsWith("Starting"));
        assertThat(text("#loginError")).containsIgnoringCase("password");
        assertThat(stage.isShowing()).isTrue();
    }

    @Test
    void logsInTradesFromTheTicketTheLadderAndTheBlotters() {
        logIn("carol");
        assertThat(stage.getTitle()).contains("carol");
        robot.interact(() -> app.trading().markets().stream().filter(m -> m.symbol().equals(market)).findFirst()
                .ifPresent(app.trading().selectedMarketProperty()::set));
        await(() -> app.trading().bookProperty().get() != null);

        // Place a limit buy from the ticket: it shows in the open orders and on the ladder.
        robot.clickOn("#ticketBuy");
        robot.clickOn("#ticketPrice").write("95");
        robot.clickOn("#ticketAmount").write("0.5");
        robot.clickOn("#ticketSubmit");
        await(() -> openOrders().getItems().stream().anyMatch(o -> o.price().compareTo(new BigDecimal("95")) == 0));
        await(() -> app.shell().ladder().screenPointOf(Side.BUY, new BigDecimal("95")) != null);

        // Cancel it from the blotter: gone from both.
        robot.interact(() -> openOrders().getSelectionModel().select(0));
        robot.clickOn("#cancelOrder");
        await(() -> openOrders().getItems().isEmpty());
        await(() -> app.shell().ladder().screenPointOf(Side.BUY, new BigDecimal("95")) == null);

        // Take a resting ask from the ladder (double click, confirm).
        other.place(OrderRequest.limit(market, Side.BUY, new BigDecimal("100"), new BigDecimal("1")));
        other.place(OrderRequest.limit(market, Side.SELL, new BigDecimal("105"), new BigDecimal("0.3")));
        await(() -> app.shell().ladder().screenPointOf(Side.SELL, new BigDecimal("105")) != null);
        Point2D ask = onFx(() -> app.shell().ladder().screenPointOf(Side.SELL, new BigDecimal("105")));
        robot.doubleClickOn(ask, javafx.scene.input.MouseButton.PRIMARY);
        robot.clickOn("OK");
        await(() -> app.trading().fills().stream().anyMatch(f -> f.price().compareTo(new BigDecimal("105")) == 0
                && f.side() == Side.BUY));
        await(() -> text("#lastNotice").startsWith("Filled"));

        // Close that fill: it trades back into the resting bid at 100.
        robot.clickOn("Fills");
        TableView<Fill> fills = robot.lookup("#fills").queryAs(TableView.class);
        robot.interact(() -> fills.getSelectionModel().select(0));
        robot.clickOn("#closeFill");
        robot.clickOn("OK");
        await(() -> app.trading().fills().stream().anyMatch(f -> f.side() == Side.SELL
                && f.price().compareTo(new BigDecimal("100")) == 0));
        await(() -> app.trading().orderHistory().stream().anyMatch(o -> Boolean.TRUE.equals(o.closed())));
    }

    @Test
    void rememberTheConnectionAndAnswerTheShortcuts() {
        logIn("carol");
        assertThat(io.orderbook.app.common.WorkstationPrefs.node().get("connection.mode", "")).isEqualTo("EMBEDDED");
        assertThat(io.orderbook.app.common.WorkstationPrefs.node().get("connection.username", "")).isEqualTo("carol");

        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.S)
                .release(javafx.scene.input.KeyCode.S, javafx.scene.input.KeyCode.CONTROL);
        await(() -> robot.lookup("#ticketSell").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.B)
                .release(javafx.scene.input.KeyCode.B, javafx.scene.input.KeyCode.CONTROL);
        await(() -> robot.lookup("#ticketBuy").queryAs(javafx.scene.control.ToggleButton.class).isSelected());
        await(() -> {
            javafx.scene.Node focused = stage.getScene().getFocusOwner();
            return focused != null && ("ticketAmount".equals(focused.getId()) || "ticketPrice".equals(focused.getId()));
        });
    }

    @Test
    void switchesToTheLightThemeThroughTheViewMenuAndRemembersIt() {
        logIn("carol");
        robot.clickOn("View").clickOn("Light theme");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(new PrimerLight().getUserAgentStylesheet());
        assertThat(io.orderbook.app.common.WorkstationPrefs.node().get("theme", "")).isEqualTo("LIGHT");
        robot.clickOn("View").clickOn("Dark theme");
    }

    @Test
    void aTraderFindsOnlyTheirOwnApiKeysInTheAdministrationTab() {
        logIn("carol");
        assertThat(adminScreens()).containsExactly("apiKeysTab");
        robot.interact(() -> app.shell().areas().getSelectionModel().select(1));
        // The API keys screen loads the trader's keys (none yet) once shown.
        await(() -> robot.lookup("#adminArea").tryQuery().isPresent());
        // The ticket shortcut brings the trading screens back.
        robot.press(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.T)
                .release(javafx.scene.input.KeyCode.T, javafx.scene.input.KeyCode.CONTROL);
        await(() -> onFx(() -> app.shell().areas().getSelectionModel().getSelectedIndex()) == 0);
    }

    @Test
    void anAdministratorGetsEveryAdministrationScreen() {
        logIn(io.orderbook.app.client.InitialAdminPassword.USERNAME, TestServer.engine().initialAdminPassword());
        assertThat(adminScreens()).containsExactly("usersTab", "marketsTab", "apiKeysTab", "requestLogTab", "jobsTab",
                "architectureTab");
    }

    /** The ids of the administration area's tabs in the shell. */
    private java.util.List<String> adminScreens() {
        return onFx(() -> {
            var adminTab = app.shell().areas().getTabs().get(1);
            assertThat(adminTab.getId()).isEqualTo("adminTab");
            return ((javafx.scene.control.TabPane) adminTab.getContent()).getTabs().stream()
                    .map(javafx.scene.control.Tab::getId).toList();
        });
    }

    private void logIn(String user) {
        logIn(user, TestMarkets.PASSWORD);
    }

    private void logIn(String user, String password) {
        robot.clickOn("#username").eraseText(20).write(user);
        robot.clickOn("#password").write(password);
        robot.clickOn("#loginButton");
        await(() -> app.shell() != null && app.trading() != null && !app.trading().markets().isEmpty());
    }

    @SuppressWarnings("unchecked")
    private TableView<Order> openOrders() {
        return robot.lookup("#openOrders").queryAs(TableView.class);
    }

    private String text(String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> call) {
        try {
            return WaitForAsyncUtils.asyncFx(call).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static void await(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (TimeoutException e) {
            throw new AssertionError("condition not met within 30 s", e);
        }
    }
}
