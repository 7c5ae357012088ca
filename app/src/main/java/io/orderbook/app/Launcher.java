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

    /**
     * Starts the workstation; with {@code --smoke-test} it exits once its first window shows (see SmokeTest).
     *
     * @param args the command line, handed to JavaFX (and checked for {@code --smoke-test})
     */
    public static void main(String[] args) {
        if (SmokeTest.requested(args)) {
            SmokeTest.run(WorkstationApp.class, args);
            return;
        }
        Application.launch(WorkstationApp.class, args);
    }
}
