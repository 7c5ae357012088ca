package io.orderbook.app;

import javafx.application.Application;

/**
 * Starts the workstation from the classpath.
 *
 * <p>A main class that extends {@link Application} is refused when JavaFX is not on the module
 * path ("JavaFX runtime components are missing"), so this plain class does the launching.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(WorkstationApp.class, args);
    }
}
