package io.orderbook.adapters.http.pipeline;

/** What an API key may do, on top of what its owner may do: only read, or read and write. */
public enum KeyScope {
    /** Only routes that read ({@link Access#PUBLIC}, {@link Access#READ}, and {@link Access#ADMIN_READ} for an administrator's key). */
    READ_ONLY,
    /** Every route its owner may use. */
    READ_WRITE
}
