package io.orderbook.adapters.security;

/** Why an access token was refused; one name per failure, for logs and metrics (never shown with the token). */
public enum TokenRejection {
    /** Not three Base64url parts, unreadable header or payload, or too long. */
    MALFORMED,
    /** {@code alg: none} or no algorithm: an unsigned token. */
    UNSIGNED,
    /** Signed with another algorithm than the one this server uses (HS256). */
    UNEXPECTED_ALGORITHM,
    /** The signature does not match: tampered, or signed with another secret. */
    BAD_SIGNATURE,
    /** Past its expiry ({@code exp}), beyond the allowed clock skew. */
    EXPIRED,
    /** Before its {@code nbf}, or issued in the future ({@code iat}), beyond the allowed clock skew. */
    NOT_YET_VALID,
    /** Issued by someone else: the {@code iss} is not this server's. */
    WRONG_ISSUER,
    /** Meant for another service: the {@code aud} is not this server's. */
    WRONG_AUDIENCE,
    /** A claim this server relies on (subject, role, version, expiry) is missing or has the wrong type. */
    MISSING_CLAIM
}
