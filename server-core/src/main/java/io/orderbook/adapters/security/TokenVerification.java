package io.orderbook.adapters.security;

import java.util.Objects;

/** The outcome of verifying an access token: {@link Valid} with its claims, or {@link Rejected} with the reason. */
public sealed interface TokenVerification {

    /** The token is authentic, current and meant for this server. */
    record Valid(AccessTokenClaims claims) implements TokenVerification {
        public Valid {
            Objects.requireNonNull(claims, "claims");
        }
    }

    /** The token must not be accepted. */
    record Rejected(TokenRejection reason) implements TokenVerification {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
