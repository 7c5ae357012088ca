package io.orderbook.app.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderbook.app.TestServer;
import io.orderbook.app.admin.common.ServerCalls;
import io.orderbook.app.client.InitialAdminPassword;
import io.orderbook.app.client.JsonHttp;
import io.orderbook.app.client.admin.AdminClient;
import io.orderbook.app.client.admin.AdminUser;
import io.orderbook.app.client.admin.ApiKeyInfo;
import io.orderbook.app.client.admin.InProcessAdminClient;
import io.orderbook.app.client.admin.RequestLogEntry;
import io.orderbook.app.client.admin.UserRole;
import io.orderbook.app.client.inprocess.InProcessWorkstationClient;
import io.orderbook.app.shell.WorkstationTheme;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the admin screens as an administrator would (headless on Monocle), against the real test server
 * through the in-process admin client.
 */
class AdminScreensTest {

    private final FxRobot robot = new FxRobot();
    private AdminArea area;

    @BeforeEach
    void showAdminArea() throws TimeoutException {
        var session = InProcessWorkstationClient.login(TestServer.server(), InitialAdminPassword.USERNAME,
                TestServer.engine().initialAdminPassword());
        AdminClient client = new InProcessAdminClient(TestServer.server(), session.actor());
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            Application.setUserAgentStylesheet(WorkstationTheme.LIGHT.userAgentStylesheet());
            area = new AdminArea(client, ServerCalls.withProblemDialogs(), session.session().userId(), true, Clock.systemUTC());
            s.setScene(new Scene((javafx.scene.Parent) area.root(), 1280, 800));
            s.show();
        });
        assertThat(stage.isShowing()).isTrue();
    }

    @AfterEach
    void closeStages() throws TimeoutException {
        FxToolkit.cleanupStages();
    }

    @Test
    void createsAnApiKeyAndShowsItsSecretOnceThenRegeneratesIt() throws TimeoutException {
        select("#apiKeysTab");
        robot.clickOn("#newApiKey");
        robot.clickOn("#apiKeyName").write("screen test bot");
        robot.clickOn("OK");

        String secret = secretShown();
        TableView<ApiKeyInfo> keys = table("#apiKeysTable");
        ApiKeyInfo created = keys.getItems().stream().filter(k -> k.name().equals("screen test bot")).findFirst().orElseThrow();
        assertThat(secret).startsWith("obw_" + created.prefix() + "_");
        closeSecretDialog();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#apiKeySecret").tryQuery()).isEmpty();

        robot.interact(() -> keys.getSelectionModel().select(created));
        robot.clickOn("#regenerateApiKey");
        robot.clickOn("OK");
        String regenerated = secretShown();
        assertThat(regenerated).startsWith("obw_" + created.prefix() + "_").isNotEqualTo(secret);
        closeSecretDialog();
        ApiKeyInfo after = keys.getItems().stream().filter(k -> k.id() == created.id()).findFirst().orElseThrow();
        assertThat(after.previousSecretValidUntil()).as("a one-hour grace period by default").isNotNull();
    }

    @Test
    void filtersTheRequestLogByPathAndStatus() throws Exception {
        // Two recognisable requests over HTTP: one answered, one refused.
        var http = new JsonHttp(TestServer.server().baseUri(), Clock.systemUTC());
        http.login(InitialAdminPassword.USERNAME, TestServer.engine().initialAdminPassword());
        http.get("users", Map.of());
        long missing = Long.MAX_VALUE - ThreadLocalRandom.current().nextInt(1_000_000);
        try {
            http.get("users/" + missing, Map.of());
        } catch (RuntimeException expected) {
            // 404: what the filter below must find
        }

        select("#requestLogTab");
        robot.clickOn("#filterPath").write("/api/v1/users/" + missing);
        TableView<RequestLogEntry> log = table("#requestLogTable");
        // The log is written in batches: apply until the request appears.
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            robot.interact(() -> robot.lookup("#applyFilter").queryButton().fire());
            Thread.sleep(300);
            return !log.getItems().isEmpty();
        });
        assertThat(log.getItems()).singleElement().satisfies(entry -> {
            assertThat(entry.path()).isEqualTo("/api/v1/users/" + missing);
            assertThat(entry.status()).isEqualTo(404);
        });

        robot.interact(() -> robot.lookup("#filterStatus").<javafx.scene.control.ComboBox<String>>query().getEditor().setText("2xx"));
        robot.interact(() -> robot.lookup("#applyFilter").queryButton().fire());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> log.getItems().isEmpty());
        assertThat(log.getItems()).isEmpty();
    }

    @Test
    void createsAUserAndChangesTheirRole() throws TimeoutException {
        select("#usersTab");
        String name = "screen-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        robot.clickOn("#newUser");
        robot.clickOn("#newUsername").write(name);
        robot.clickOn("#newPassword").write("a long enough password");
        robot.clickOn("OK");

        TableView<AdminUser> users = table("#usersTable");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> users.getItems().stream().anyMatch(u -> u.username().equals(name)));
        AdminUser created = users.getItems().stream().filter(u -> u.username().equals(name)).findFirst().orElseThrow();
        assertThat(created.role()).isEqualTo(UserRole.TRADER);

        robot.interact(() -> users.getSelectionModel().select(created));
        robot.clickOn("#changeRole");
        robot.interact(() -> robot.lookup("#changeRoleDialog").queryAs(javafx.scene.control.DialogPane.class)
                .lookupAll(".combo-box").forEach(node -> ((javafx.scene.control.ComboBox<UserRole>) node).setValue(UserRole.ADMIN)));
        robot.clickOn("OK");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> users.getItems().stream()
                .anyMatch(u -> u.id() == created.id() && u.role() == UserRole.ADMIN));
    }

    private void select(String tabId) {
        robot.interact(() -> area.tabs().getTabs().stream().filter(tab -> ("#" + tab.getId()).equals(tabId))
                .findFirst().ifPresent(tab -> area.tabs().getSelectionModel().select(tab)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private String secretShown() throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#apiKeySecret").tryQuery().isPresent());
        return robot.lookup("#apiKeySecret").queryAs(TextField.class).getText();
    }

    /** The secret field can be found a pulse before the dialog's button bar has its skin and buttons. */
    private void closeSecretDialog() throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup("Close").match(Node::isVisible).tryQuery().isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("Close");
    }

    @SuppressWarnings("unchecked")
    private <T> TableView<T> table(String query) {
        Node node = robot.lookup(query).query();
        return (TableView<T>) node;
    }
}
