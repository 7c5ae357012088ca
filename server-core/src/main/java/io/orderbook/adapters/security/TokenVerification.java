package io.orderbook.adapters.security;

import java.util.Objects;

/** The outcome of verifying an access token: {@link Valid} with its claims, or {@link Rejected} with the reason. */
public sealed interface TokenVerification {

    /**
     * The token is authentic, current and meant for this server.
     *
     * @param claims what the token says
     */
    record Valid(AccessTokenClaims claims) implements TokenVerification {
        /** Requires the claims. */
        public Valid {
            Objects.requireNonNull(claims, "claims");
        }
    }

    /**
     * The token must not be accepted.
     *
     * @param reason why, for logs and metrics
     */
    record Rejected(TokenRejection reason) implements TokenVerification {
        /** Requires the reason. */
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
