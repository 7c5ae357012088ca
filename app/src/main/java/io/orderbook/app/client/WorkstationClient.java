package io.orderbook.app.client;

import io.orderbook.app.client.trading.TradingClient;

/**
 * Everything the workstation asks of the server, for the logged-in user. The screens talk only to this
 * interface; {@link Connector} gives the in-process implementation (embedded mode) or the HTTP/WebSocket one
 * (remote mode). Methods block: call them off the FX thread (see {@code io.orderbook.app.common.Background}).
 * Refusals and failures are {@link ClientException}s.
 */
public interface WorkstationClient extends TradingClient, AutoCloseable {

    /**
     * Who is logged in.
     *
     * @return the session of this client's user
     */
    Session session();

    /**
     * Describes where the server is, for the status bar.
     *
     * @return "embedded" or the server's URL
     */
    String serverDescription();

    /** Ends the session and stops its streams; the embedded server keeps running for the next login. */
    @Override
    void close();
}
