package io.orderbook.app.admin.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

/**
 * Runs server calls off the JavaFX thread and hands their results back on it. A failure goes to the
 * failure handler (by default a problem dialog) unless the caller handles it. Tracks whether any call is
 * running, so screens can show progress and tests can wait for quiet.
 */
public final class ServerCalls {

    private final Executor executor;
    private final Consumer<Throwable> onFailure;
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private int running;

    /**
     * Creates a runner; calls start with {@link #run}.
     *
     * @param executor  where the calls run; never the JavaFX thread
     * @param onFailure shows a failure to the user; called on the JavaFX thread
     */
    public ServerCalls(Executor executor, Consumer<Throwable> onFailure) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.onFailure = Objects.requireNonNull(onFailure, "onFailure");
    }

    /**
     * The runner the admin screens use.
     *
     * @return a runner that calls on virtual threads and shows failures in a {@link ProblemDialog}
     */
    public static ServerCalls withProblemDialogs() {
        return new ServerCalls(command -> Thread.ofVirtual().name("admin-call").start(command), ProblemDialog::show);
    }

    /**
     * Whether a call is in flight; changes on the JavaFX thread.
     *
     * @return true while at least one call has not come back
     */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    /**
     * Runs {@code call} in the background; {@code onSuccess} gets its result on the JavaFX thread. Start calls
     * on the JavaFX thread (from event handlers and timelines), which keeps the busy count simple.
     *
     * @param <T>       what the call returns
     * @param call      the blocking server call
     * @param onSuccess receives the result on the JavaFX thread
     * @throws IllegalStateException when not called on the JavaFX thread
     */
    public <T> void run(Callable<T> call, Consumer<? super T> onSuccess) {
        run(call, onSuccess, onFailure);
    }

    /**
     * As {@link #run(Callable, Consumer)}, with the caller handling failures.
     *
     * @param <T>       what the call returns
     * @param call      the blocking server call
     * @param onSuccess receives the result on the JavaFX thread
     * @param failure   receives what the call threw (unwrapped) on the JavaFX thread
     * @throws IllegalStateException when not called on the JavaFX thread
     */
    public <T> void run(Callable<T> call, Consumer<? super T> onSuccess, Consumer<Throwable> failure) {
        Objects.requireNonNull(call, "call");
        started();
        CompletableFuture.supplyAsync(() -> {
            try {
                return call.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, executor).whenComplete((result, error) -> Platform.runLater(() -> {
            finished();
            if (error == null) {
                onSuccess.accept(result);
            } else {
                failure.accept(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error);
            }
        }));
    }

    private void started() {
        if (!Platform.isFxApplicationThread()) throw new IllegalStateException("start server calls on the JavaFX thread");
        if (running++ == 0) busy.set(true);
    }

    private void finished() {
        if (--running == 0) busy.set(false);
    }
}
