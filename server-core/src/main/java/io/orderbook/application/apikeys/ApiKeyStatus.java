package io.orderbook.application.apikeys;

/** Whether a key can be used now; a revoked key is {@code REVOKED} even after its expiry. */
public enum ApiKeyStatus {
    /** Neither revoked nor past its expiry: it authenticates requests. */
    ACTIVE,
    /** Past its expiry; regenerating it with a new expiry makes it active again. */
    EXPIRED,
    /** Revoked for good; it can only be deleted. */
    REVOKED
}
