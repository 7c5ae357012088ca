package io.orderbook.adapters.http.pipeline;

/**
 * The authentication step of the request pipeline: turns presented credentials into a {@link Caller}.
 *
 * <p>An implementation covers both "who is this" and "may these credentials be used now": the key or
 * token exists and verifies, is not expired, not revoked (nor regenerated away after its grace period),
 * its owner is enabled and its token version current, and the client address is in the key's allow-list.
 * Revocations must take effect at once on every node. It is called on request threads (virtual
 * threads): it may block on the database or Redis, and should cache what it can.
 */
@FunctionalInterface
public interface RequestAuthenticator {

    /**
     * Decides whether presented credentials may be used now, and whose they are.
     *
     * @param credentials never {@link PresentedCredentials.None}: requests without credentials are anonymous
     * @param clientIp    the client's address, for allow-lists
     * @return the caller, or the problem to answer with
     */
    AuthenticationResult authenticate(PresentedCredentials credentials, String clientIp);
}
