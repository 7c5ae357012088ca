package io.orderbook.adapters.persistence;

/** What an API key may do on behalf of its owner: only read, or read and write. */
public enum ApiKeyScope {
    READ_ONLY,
    READ_WRITE
}
