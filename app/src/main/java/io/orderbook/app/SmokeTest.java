package io.orderbook.app;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * {@code --smoke-test}: starts the workstation as usual, waits until its first window shows, prints
 * {@value #OK_PREFIX} with the window's title and exits with status 0 (1 if no window showed within
 * {@link #TIMEOUT}). Packaging checks run it on a built app-image to see that the runtime, the native libraries and
 * the application all come up.
 */
final class SmokeTest {

    /** The flag that asks for the check. */
    static final String FLAG = "--smoke-test";
    /** The line printed when the window showed; checks look for it. */
    static final String OK_PREFIX = "SMOKE TEST OK: window shown: ";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final Duration POLL = Duration.ofMillis(200);

    private SmokeTest() {
    }

    static boolean requested(String[] args) {
        return Arrays.asList(args).contains(FLAG);
    }

    /** Runs the workstation until its first window shows, then exits the JVM. */
    static void run(Class<? extends Application> application, String[] args) {
        AtomicReference<String> shown = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread watcher = Thread.ofPlatform().daemon().name("smoke-test").start(() -> {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            try {
                while (System.nanoTime() < deadline && shown.get() == null) {
                    Thread.sleep(POLL);
                    try {
                        Platform.runLater(() -> firstShowing().ifPresent(shown::set));
                    } catch (IllegalStateException toolkitNotStarted) {
                        // JavaFX is still starting.
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            done.countDown();
            Platform.exit();
        });
        List<String> rest = Arrays.stream(args).filter(arg -> !arg.equals(FLAG)).toList();
        try {
            Application.launch(application, rest.toArray(String[]::new));
            done.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            e.printStackTrace();
        }
        watcher.interrupt();
        if (shown.get() != null) {
            System.out.println(OK_PREFIX + shown.get());
            System.exit(0);
        }
        System.out.println("SMOKE TEST FAILED: no window showed within " + TIMEOUT);
        System.exit(1);
    }

    private static java.util.Optional<String> firstShowing() {
        return Window.getWindows().stream().filter(Window::isShowing).findFirst()
                .map(window -> window instanceof Stage stage && stage.getTitle() != null ? stage.getTitle() : "untitled");
    }
}
