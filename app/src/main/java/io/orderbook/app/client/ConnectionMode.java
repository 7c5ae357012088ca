package io.orderbook.app.client;

/** Where the workstation's server runs. */
public enum ConnectionMode {
    /** server-core runs inside the workstation, with its own PostgreSQL and Redis under the data directory. */
    EMBEDDED,
    /** A server elsewhere, reached over HTTP and WebSocket. */
    REMOTE
}
