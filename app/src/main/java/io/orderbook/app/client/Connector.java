package io.orderbook.app.client;

import io.orderbook.app.client.http.HttpWorkstationClient;
import io.orderbook.app.client.inprocess.InProcessWorkstationClient;
import java.time.Clock;
import java.util.Objects;

/**
 * How the workstation obtains a logged-in {@link WorkstationClient} for the chosen {@link ConnectionSettings}:
 * in embedded mode it starts the {@link EmbeddedEngine} (once) and calls its services in-process; in remote mode
 * it logs in over HTTP. Blocking: call it off the FX thread.
 */
public final class Connector implements AutoCloseable {

    private final EmbeddedEngine embedded;
    private final Clock clock;
    private final boolean stopEngineOnClose;

    /**
     * Creates a connector; the embedded server starts only when first needed.
     *
     * @param embedded          the engine behind embedded mode
     * @param clock             the clock the HTTP client uses to renew its access token in time
     * @param stopEngineOnClose whether {@link #close()} stops the embedded server (the workstation's own; not a
     *                          server shared by tests)
     */
    public Connector(EmbeddedEngine embedded, Clock clock, boolean stopEngineOnClose) {
        this.embedded = Objects.requireNonNull(embedded, "embedded");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.stopEngineOnClose = stopEngineOnClose;
    }

    /**
     * The engine behind embedded mode.
     *
     * @return the engine, started or not
     */
    public EmbeddedEngine embedded() {
        return embedded;
    }

    /**
     * Logs in.
     *
     * @param settings embedded mode, or the remote server to log in to
     * @param username the login name
     * @param password the password
     * @return a client for the logged-in user; close it to log out
     * @throws ClientException when the server refuses the login or cannot be reached
     */
    public WorkstationClient connect(ConnectionSettings settings, String username, String password) {
        return switch (settings.mode()) {
            case EMBEDDED -> InProcessWorkstationClient.login(embedded.server(), username, password);
            case REMOTE -> HttpWorkstationClient.login(settings.remoteUrl(), username, password, clock);
        };
    }

    /** Stops the embedded server if it was started. */
    @Override
    public void close() {
        if (stopEngineOnClose) {
            embedded.close();
        }
    }
}
