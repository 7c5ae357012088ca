package io.orderbook.adapters.http.pipeline;

/** What an API key may do, on top of what its owner may do: only read, or read and write. */
public enum KeyScope {
    /** Only routes with {@link Access#READ} or {@link Access#ADMIN_READ}. */
    READ_ONLY,
    /** Every route its owner may use. */
    READ_WRITE

}
