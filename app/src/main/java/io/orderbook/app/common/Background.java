package io.orderbook.app.common;

import io.orderbook.app.client.ClientException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs server calls off the FX thread (one virtual thread each) and hands the answer or the failure back on the
 * FX thread, so the window never freezes while the server works.
 */
public final class Background {
    private static final Logger LOG = LoggerFactory.getLogger(Background.class);
    private static final ExecutorService CALLS = Executors.newVirtualThreadPerTaskExecutor();

    private Background() {
    }

    /**
     * Calls {@code work} in the background, then {@code onSuccess} or {@code onFailure} on the FX thread.
     *
     * @param <T>       what the work returns
     * @param work      the blocking call, run on a virtual thread
     * @param onSuccess receives the result on the FX thread
     * @param onFailure receives the server's refusal, or any other failure wrapped with code {@code CLIENT_ERROR},
     *                  on the FX thread
     */
    public static <T> void run(Supplier<T> work, Consumer<T> onSuccess, Consumer<ClientException> onFailure) {
        CALLS.execute(() -> {
            try {
                T value = work.get();
                Platform.runLater(() -> onSuccess.accept(value));
            } catch (ClientException e) {
                Platform.runLater(() -> onFailure.accept(e));
            } catch (RuntimeException e) {
                LOG.warn("A background call failed", e);
                ClientException wrapped = new ClientException(0, "CLIENT_ERROR", "Unexpected error",
                        String.valueOf(e.getMessage()), java.util.List.of());
                wrapped.initCause(e);
                Platform.runLater(() -> onFailure.accept(wrapped));
            }
        });
    }

    /**
     * Calls {@code work} in the background; a failure is shown in an error dialog.
     *
     * @param <T>       what the work returns
     * @param work      the blocking call, run on a virtual thread
     * @param onSuccess receives the result on the FX thread
     */
    public static <T> void run(Supplier<T> work, Consumer<T> onSuccess) {
        run(work, onSuccess, Dialogs::error);
    }

    /**
     * Runs something that answers nothing in the background (unsubscribing, logging out); a failure is only
     * logged.
     *
     * @param work the blocking work, run on a virtual thread
     */
    public static void fireAndForget(Runnable work) {
        CALLS.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.debug("Background work failed", e);
            }
        });
    }
}
