package io.orderbook.app.client.admin;

/** What an API key may do on behalf of its owner: only read, or read and write. */
public enum KeyScope {
    /** May only read: every request that changes something (an order, a key...) is refused. */
    READ_ONLY,
    /** May also change things, such as placing and cancelling orders. */
    READ_WRITE
}
