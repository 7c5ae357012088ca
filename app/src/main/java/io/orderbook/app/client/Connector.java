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

    public Connector(EmbeddedEngine embedded, Clock clock) {
        this.embedded = Objects.requireNonNull(embedded, "embedded");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The engine behind embedded mode. */
    public EmbeddedEngine embedded() {
        return embedded;
    }

    /**
     * Logs in.
     *
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
        embedded.close();
    }
}
