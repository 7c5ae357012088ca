package io.orderbook.app.client.admin;

/** What an API key may do on behalf of its owner: only read, or read and write. */
public enum KeyScope {
    READ_ONLY,
    READ_WRITE
}
