package io.orderbook.application.apikeys;

/** Whether a key can be used now; a revoked key is {@code REVOKED} even after its expiry. */
public enum ApiKeyStatus {
    ACTIVE,
    EXPIRED,
    REVOKED
}
