package io.orderbook.adapters.persistence;

/** What an API key may do on behalf of its owner: only read, or read and write. */
public enum ApiKeyScope {
    /** Reads only: requests that change nothing. */
    READ_ONLY,
    /** Reads and writes, such as placing and cancelling orders. */
    READ_WRITE
}
