package io.orderbook.adapters.http.pipeline;

/** What an API key may do, on top of what its owner may do: only read, or read and write. */
public enum KeyScope {
    READ_ONLY,
    READ_WRITE
}
