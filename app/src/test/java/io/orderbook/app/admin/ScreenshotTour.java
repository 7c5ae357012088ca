package io.orderbook.app.admin;

import io.orderbook.app.TestMarkets;
import io.orderbook.app.TestServer;
import io.orderbook.app.admin.common.ServerCalls;
import io.orderbook.app.client.InitialAdminPassword;
import io.orderbook.app.client.JsonHttp;
import io.orderbook.app.client.admin.AdminClient;
import io.orderbook.app.client.admin.AdminClients;
import io.orderbook.app.client.admin.InProcessAdminClient;
import io.orderbook.app.client.admin.KeyScope;
import io.orderbook.app.client.admin.MarketRules;
import io.orderbook.app.client.admin.NewApiKey;
import io.orderbook.app.client.admin.NewMarket;
import io.orderbook.app.client.admin.NewUser;
import io.orderbook.app.client.admin.UserRole;
import io.orderbook.app.client.inprocess.InProcessWorkstationClient;
import io.orderbook.app.client.trading.ConditionalOrder;
import io.orderbook.app.client.trading.ConditionalOrderRequest;
import io.orderbook.app.client.trading.OrderRequest;
import io.orderbook.app.shell.ShellModel;
import io.orderbook.app.shell.ShellView;
import io.orderbook.app.shell.WorkstationTheme;
import io.orderbook.app.trading.TradingModel;
import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.Side;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Saves a screenshot of each main screen to {@code assets/screenshots/}, with demo data (a market with a book and
 * trades, users, markets, keys, HTTP traffic for the request log) on the real test server. Not part of the normal test run (the name does not
 * end in Test); run it with:
 *
 * <pre>mvn -pl app -am test -Dtest=ScreenshotTour -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class ScreenshotTour {

    private static final String DEMO_MARKET = "DEMO-TUSD";
    private static final Path OUTPUT = Path.of(System.getProperty("screenshots.dir", "../assets/screenshots"));
    /** The headless screen is 1280 x 800; a larger window overflows its frame buffer. */
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;

    private final FxRobot robot = new FxRobot();

    @Test
    void savesEveryMainScreen() throws Exception {
        Files.createDirectories(OUTPUT);
        var session = InProcessWorkstationClient.login(TestServer.server(), InitialAdminPassword.USERNAME,
                TestServer.engine().initialAdminPassword());
        AdminClient client = new InProcessAdminClient(TestServer.server(), session.actor());
        seed(client);

        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> Application.setUserAgentStylesheet(WorkstationTheme.DARK.userAgentStylesheet()));

        // Trading: the workstation's main window, as a trader in a market with a book and trades of its own.
        var trader = tradingDemo(client);
        var trading = new TradingModel(trader);
        FxToolkit.setupStage(s -> {
            var shell = new ShellView(new ShellModel(), trading, trader.session(), trader.serverDescription());
            shell.addAdminArea(new AdminArea(AdminClients.of(trader), ServerCalls.withProblemDialogs(),
                    trader.session().userId(), false, Clock.systemUTC()), false);
            var scene = new Scene(shell.root(), WIDTH, HEIGHT);
            shell.installShortcuts(scene);
            s.setScene(scene);
            s.show();
            trading.load(DEMO_MARKET);
        });
        // The book, chart, blotters and watchlist load in the background and then stream.
        WaitForAsyncUtils.sleep(4, TimeUnit.SECONDS);
        save(stage, "trading.png");

        AdminArea[] area = new AdminArea[1];
        FxToolkit.setupStage(s -> {
            area[0] = new AdminArea(client, ServerCalls.withProblemDialogs(), session.session().userId(), true, Clock.systemUTC());
            s.setScene(new Scene((Parent) area[0].root(), WIDTH, HEIGHT));
        });
        for (var tab : List.of("usersTab", "marketsTab", "apiKeysTab", "requestLogTab", "jobsTab", "architectureTab")) {
            robot.interact(() -> area[0].tabs().getTabs().stream().filter(t -> t.getId().equals(tab)).findFirst()
                    .ifPresent(t -> area[0].tabs().getSelectionModel().select(t)));
            if (tab.equals("marketsTab")) {
                robot.interact(() -> robot.lookup("#marketsTable").queryTableView().getSelectionModel().selectFirst());
            }
            // Let the screen's first load come back from the server and lay out.
            WaitForAsyncUtils.sleep(1500, TimeUnit.MILLISECONDS);
            WaitForAsyncUtils.waitForFxEvents();
            save(stage, "admin-" + tab.replace("Tab", "").replaceAll("([A-Z])", "-$1").toLowerCase() + ".png");
        }
        FxToolkit.cleanupStages();
        trader.close();
    }

    /**
     * A market with a resting book on both sides and a morning of trades: a market maker quotes a ladder around
     * 102, a taker trades through it (the price walks up, then back), and the market-stats job turns the trades
     * into candles. Returns the taker, logged in, with open orders, fills and an armed stop-loss of their own.
     */
    private static InProcessWorkstationClient tradingDemo(AdminClient admin) {
        TestMarkets.market("DEMO");
        String maker = TestMarkets.trader("demo-maker");
        String taker = TestMarkets.trader("demo-taker");
        var makerClient = InProcessWorkstationClient.login(TestServer.server(), maker, TestMarkets.PASSWORD);
        var takerClient = InProcessWorkstationClient.login(TestServer.server(), taker, TestMarkets.PASSWORD);
        makerClient.cancelAll(DEMO_MARKET);
        takerClient.cancelAll(DEMO_MARKET);
        int[] walk = {0, 2, 3, 5, 4, 6, 8, 7, 5, 6, 3, 4, 2};
        for (int step : walk) {
            // The maker offers at 100 + step; the taker lifts part of it: one trade per step.
            BigDecimal price = new BigDecimal(100 + step);
            makerClient.place(OrderRequest.limit(DEMO_MARKET, Side.SELL, price, new BigDecimal("0.8")));
            takerClient.place(OrderRequest.limit(DEMO_MARKET, Side.BUY, price, new BigDecimal("0.5")));
            makerClient.cancelAll(DEMO_MARKET);
        }
        // The test markets' tick is 1: a level every unit below 102 and above it.
        for (int level = 1; level <= 12; level++) {
            var size = new BigDecimal("0.25").multiply(BigDecimal.valueOf(1 + level % 4));
            makerClient.place(OrderRequest.limit(DEMO_MARKET, Side.BUY, BigDecimal.valueOf(102 - level), size));
            makerClient.place(OrderRequest.limit(DEMO_MARKET, Side.SELL, BigDecimal.valueOf(102 + level),
                    size.add(new BigDecimal("0.1"))));
        }
        takerClient.place(OrderRequest.limit(DEMO_MARKET, Side.BUY, new BigDecimal("99"), new BigDecimal("1.5")));
        takerClient.place(OrderRequest.limit(DEMO_MARKET, Side.SELL, new BigDecimal("109"), new BigDecimal("2")));
        takerClient.placeConditional(new ConditionalOrderRequest(DEMO_MARKET, "STOP_LOSS", Side.SELL, OrderType.MARKET,
                new BigDecimal("95"), null, null, new ConditionalOrder.Quantity("BASE", new BigDecimal("1"))));
        makerClient.close();
        admin.runJob("market-stats");
        return takerClient;
    }

    private void save(Stage stage, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        var image = WaitForAsyncUtils.asyncFx(() -> stage.getScene().snapshot(null)).get(10, TimeUnit.SECONDS);
        try {
            ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", OUTPUT.resolve(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Demo data, so no screen is empty: users, two markets, keys and some HTTP traffic with errors. */
    private static void seed(AdminClient client) {
        for (var user : List.of("alice", "bob", "carol", "market-maker-1", "ops-admin")) {
            try {
                client.createUser(new NewUser(user, "demo password 1234", user.startsWith("ops") ? UserRole.ADMIN : UserRole.TRADER));
            } catch (RuntimeException alreadyThere) {
                // a second run on the same server
            }
        }
        var admin = new io.orderbook.application.users.Actor(1, io.orderbook.adapters.persistence.UserRole.ADMIN);
        var markets = TestServer.server().markets().service();
        for (var asset : List.of(Map.entry("BTC", 8), Map.entry("ETH", 8), Map.entry("USDT", 6))) {
            try {
                markets.createAsset(admin, asset.getKey(), asset.getValue());
            } catch (RuntimeException alreadyThere) {
                // a second run
            }
        }
        for (var market : List.of(new NewMarket("BTC-USDT", "BTC", "USDT", new MarketRules("0.01", "0.0001", "10", "0.001", "0.002", null)),
                new NewMarket("ETH-USDT", "ETH", "USDT", new MarketRules("0.01", "0.001", "5", "0.0008", "0.0015", "EXPIRE_TAKER")))) {
            try {
                client.createMarket(market);
            } catch (RuntimeException alreadyThere) {
                // a second run
            }
        }
        Instant quarter = Instant.now().plus(90, ChronoUnit.DAYS);
        client.createApiKey(new NewApiKey("market-data bot", KeyScope.READ_ONLY, 1200, quarter, List.of()));
        client.createApiKey(new NewApiKey("hedging strategy", KeyScope.READ_WRITE, 600, quarter, List.of("203.0.113.0/24")));
        var key = client.createApiKey(new NewApiKey("backtest export", KeyScope.READ_ONLY, 60, quarter, List.of())).key();
        client.regenerateApiKey(key.id(), java.time.Duration.ofHours(1), null);

        var http = new JsonHttp(TestServer.server().baseUri(), Clock.systemUTC());
        http.login(InitialAdminPassword.USERNAME, TestServer.engine().initialAdminPassword());
        for (int i = 0; i < 40; i++) {
            http.get("markets", Map.of());
            http.get("users", Map.of());
            if (i % 4 == 0) {
                try {
                    http.get("users/999999", Map.of());
                } catch (RuntimeException notFound) {
                    // errors belong in the chart too
                }
            }
        }
    }
}
