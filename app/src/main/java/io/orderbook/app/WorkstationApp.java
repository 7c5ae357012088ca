package io.orderbook.app;

import io.orderbook.app.shell.ShellModel;
import io.orderbook.app.shell.ShellView;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** The Orderbook Workstation desktop application: one main window with the trading shell. */
public final class WorkstationApp extends Application {

    private static final String TITLE = "Orderbook Workstation";
    private static final double PREFERRED_WIDTH = 1440;
    private static final double PREFERRED_HEIGHT = 900;
    private static final double MIN_WIDTH = 1024;
    private static final double MIN_HEIGHT = 640;

    @Override
    public void start(Stage stage) {
        var model = new ShellModel();
        // The user agent stylesheet is global to the JavaFX runtime, so the application owns it, not a view.
        model.themeProperty().subscribe(theme -> Application.setUserAgentStylesheet(theme.userAgentStylesheet()));

        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        var scene = new Scene(new ShellView(model).root(),
                Math.min(PREFERRED_WIDTH, screen.getWidth()),
                Math.min(PREFERRED_HEIGHT, screen.getHeight()));
        stage.setTitle(TITLE);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.setScene(scene);
        stage.show();
    }
}
