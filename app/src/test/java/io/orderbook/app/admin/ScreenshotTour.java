package io.orderbook.app.admin;

import io.orderbook.app.TestServer;
import io.orderbook.app.admin.common.ServerCalls;
import io.orderbook.app.client.InitialAdminPassword;
import io.orderbook.app.client.JsonHttp;
import io.orderbook.app.client.admin.AdminClient;
import io.orderbook.app.client.admin.InProcessAdminClient;
import io.orderbook.app.client.admin.KeyScope;
import io.orderbook.app.client.admin.MarketRules;
import io.orderbook.app.client.admin.NewApiKey;
import io.orderbook.app.client.admin.NewMarket;
import io.orderbook.app.client.admin.NewUser;
import io.orderbook.app.client.admin.UserRole;
import io.orderbook.app.client.inprocess.InProcessWorkstationClient;
import io.orderbook.app.shell.ShellModel;
import io.orderbook.app.shell.ShellView;
import io.orderbook.app.shell.WorkstationTheme;
import java.io.IOException;
import java.io.UncheckedIOException;
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
 * Saves a screenshot of each main screen to {@code assets/screenshots/}, with demo data (users, markets, keys,
 * HTTP traffic for the request log) on the real test server. Not part of the normal test run (the name does not
 * end in Test); run it with:
 *
 * <pre>mvn -pl app -am test -Dtest=ScreenshotTour -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class ScreenshotTour {

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

        // Trading: the workstation's main window.
        FxToolkit.setupStage(s -> {
            s.setScene(new Scene(new ShellView(new ShellModel()).root(), WIDTH, HEIGHT));
            s.show();
        });
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
