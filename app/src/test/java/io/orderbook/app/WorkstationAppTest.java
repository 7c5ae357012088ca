package io.orderbook.app;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.controls.ToggleSwitch;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/** Starts the real workstation window (headless on Monocle in the build) and drives it as a user would. */
class WorkstationAppTest {

    private final FxRobot robot = new FxRobot();
    private Stage stage;
    private Application app;

    @BeforeEach
    void startWorkstation() throws TimeoutException {
        stage = FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(WorkstationApp::new);
    }

    @AfterEach
    void stopWorkstation() throws TimeoutException {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    @Test
    void showsTitleAndBlotterTabs() {
        assertThat(stage.getTitle()).isEqualTo("Orderbook Workstation");
        assertThat(stage.isShowing()).isTrue();

        TabPane blotters = robot.lookup("#blotters").queryAs(TabPane.class);
        assertThat(blotters.getTabs()).extracting(Tab::getText)
                .containsExactly("Open orders", "Fills", "Balances", "Conditional orders");
    }

    @Test
    void switchesFromDarkToLightThemeThroughTheViewMenu() {
        String dark = new PrimerDark().getUserAgentStylesheet();
        String light = new PrimerLight().getUserAgentStylesheet();
        assertThat(Application.getUserAgentStylesheet()).isEqualTo(dark);

        robot.clickOn("View").clickOn("Light theme");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(Application.getUserAgentStylesheet()).isEqualTo(light);
        // The toolbar switch follows the menu, so both controls always show the same theme.
        assertThat(robot.lookup("#themeSwitch").queryAs(ToggleSwitch.class).isSelected()).isFalse();
    }
}
