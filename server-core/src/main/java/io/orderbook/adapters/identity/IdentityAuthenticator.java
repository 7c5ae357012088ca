package io.orderbook.adapters.identity;

import io.orderbook.adapters.http.pipeline.AuthenticationResult;
import io.orderbook.adapters.http.pipeline.AuthenticationResult.Authenticated;
import io.orderbook.adapters.http.pipeline.AuthenticationResult.Refused;
import io.orderbook.adapters.http.pipeline.Caller;
import io.orderbook.adapters.http.pipeline.PresentedCredentials;
import io.orderbook.adapters.http.pipeline.RequestAuthenticator;
import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.adapters.http.problem.ErrorCode;
import io.orderbook.adapters.security.AccessTokenClaims;
import io.orderbook.adapters.security.AccessTokens;
import io.orderbook.adapters.security.ApiKeyCodec;
import io.orderbook.adapters.security.TokenRejection;
import io.orderbook.adapters.security.TokenVerification;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Authenticates requests by bearer access token or API key, from {@link CredentialCache}: no database
 * query and no Redis call per request once the user or key is cached.
 *
 * <p>A bearer token must verify (signature, algorithm, issuer, audience, expiry) and name an enabled user
 * whose token version is still the one in the token. An API key must be well-formed, exist, match the
 * current secret (or the previous one during a regeneration's grace period), not be revoked or expired,
 * belong to an enabled user, and be used from an allowed address. The caller gets the owner's current
 * role and the key's scope and limit. Whether a key's secret matched is decided before anything else is
 * said about the key, so its status is told only to someone who holds it.
 *
 * <p>A verified access token's claims are kept for a short while by the token's text: parsing and
 * verifying a JWT costs far more than the rest of a request's authentication, and a token's claims never
 * change. Its expiry is checked again on every use, and the user behind it always is.
 */
public final class IdentityAuthenticator implements RequestAuthenticator {

    /** Verified tokens kept at most; each holds about a kilobyte. */
    static final int MAX_VERIFIED_TOKENS = 10_000;
    private static final String BEARER_CHALLENGE = "Bearer";
    private static final ApiProblem INVALID_TOKEN = ApiProblem.unauthenticated("The access token is not valid.");
    private static final ApiProblem EXPIRED_TOKEN = ApiProblem.of(ErrorCode.TOKEN_EXPIRED,
                    "The access token has expired; get a new one with the refresh token.")
            .withHeader("WWW-Authenticate", BEARER_CHALLENGE + " error=\"invalid_token\", error_description=\"The access token expired\"");
    private static final ApiProblem STALE_TOKEN = ApiProblem.unauthenticated(
            "The access token is no longer valid (user disabled or changed, or signed out everywhere); log in again.");
    private static final ApiProblem INVALID_KEY = ApiProblem.unauthenticated("The API key is not valid.");
    private static final ApiProblem REVOKED_KEY = ApiProblem.of(ErrorCode.API_KEY_REVOKED, "The API key has been revoked.")
            .withHeader("WWW-Authenticate", BEARER_CHALLENGE);
    private static final ApiProblem EXPIRED_KEY = ApiProblem.of(ErrorCode.API_KEY_EXPIRED,
                    "The API key has expired; regenerate it with a new expiry.")
            .withHeader("WWW-Authenticate", BEARER_CHALLENGE);
    private static final ApiProblem DISABLED_OWNER = ApiProblem.unauthenticated("The owner of this API key is disabled.");
    private static final ApiProblem ADDRESS_NOT_ALLOWED = ApiProblem.forbidden("This API key may not be used from this address.");

    private final AccessTokens accessTokens;
    private final ApiKeyCodec apiKeyCodec;
    private final CredentialCache cache;
    private final LastUseRecorder lastUse;
    private final Clock clock;
    private final ExpiringCache<String, AccessTokenClaims> verifiedTokens;

    /**
     * An authenticator that reads users and keys through the cache.
     *
     * @param accessTokens     verifies bearer access tokens
     * @param apiKeyCodec      parses presented API keys and checks their secrets against the stored hashes
     * @param cache            users and API keys, as authentication needs them
     * @param lastUse          told of every successful use of an API key
     * @param clock            the current time, for the expiry of keys, secrets and cached tokens
     * @param verifiedTokenTtl how long a verified token's claims are kept (its expiry is checked on every use)
     */
    public IdentityAuthenticator(AccessTokens accessTokens, ApiKeyCodec apiKeyCodec, CredentialCache cache,
                                 LastUseRecorder lastUse, Clock clock, Duration verifiedTokenTtl) {
        this.verifiedTokens = new ExpiringCache<>(verifiedTokenTtl.toNanos(), MAX_VERIFIED_TOKENS, System::nanoTime);
        this.accessTokens = Objects.requireNonNull(accessTokens, "accessTokens");
        this.apiKeyCodec = Objects.requireNonNull(apiKeyCodec, "apiKeyCodec");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.lastUse = Objects.requireNonNull(lastUse, "lastUse");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AuthenticationResult authenticate(PresentedCredentials credentials, String clientIp) {
        return switch (credentials) {
            case PresentedCredentials.BearerToken bearer -> bearer(bearer.token());
            case PresentedCredentials.ApiKey key -> apiKey(key.key(), clientIp);
            case PresentedCredentials.None none -> throw new IllegalArgumentException("requests without credentials are anonymous");
        };
    }

    private AuthenticationResult bearer(String token) {
        TokenRejection[] rejection = new TokenRejection[1];
        AccessTokenClaims claims = verifiedTokens.get(token, text -> verify(text, rejection));
        // Past its expiry a cached token is verified again: that applies the parser's clock skew and says EXPIRED.
        if (claims != null && !clock.instant().isBefore(claims.expiresAt())) claims = verify(token, rejection);
        if (claims == null) {
            // EXPIRED is only reported for tokens whose signature verified.
            return new Refused(rejection[0] == TokenRejection.EXPIRED ? EXPIRED_TOKEN : INVALID_TOKEN);
        }
        CredentialCache.UserEntry user = cache.user(claims.userId());
        if (user == null) return new Refused(STALE_TOKEN);
        if (!user.enabled() || user.version() != claims.tokenVersion()) return new Refused(STALE_TOKEN, user.caller());
        return new Authenticated(user.caller());
    }

    private AccessTokenClaims verify(String token, TokenRejection[] rejection) {
        return switch (accessTokens.verify(token)) {
            case TokenVerification.Valid valid -> valid.claims();
            case TokenVerification.Rejected rejected -> {
                rejection[0] = rejected.reason();
                yield null;
            }
        };
    }

    private AuthenticationResult apiKey(String presentedText, String clientIp) {
        Optional<ApiKeyCodec.PresentedApiKey> parsed = apiKeyCodec.parse(presentedText);
        if (parsed.isEmpty()) return new Refused(INVALID_KEY);
        ApiKeyCodec.PresentedApiKey presented = parsed.get();
        CredentialCache.KeyEntry key = cache.key(presented.prefix());
        if (key == null) return new Refused(INVALID_KEY);
        Instant now = clock.instant();
        boolean matches = apiKeyCodec.matches(presented, key.secretHash())
                || (key.previousSecretHash() != null && now.isBefore(key.previousSecretValidUntil())
                        && apiKeyCodec.matches(presented, key.previousSecretHash()));
        if (!matches) return new Refused(INVALID_KEY);
        Caller.ApiKey caller = key.caller();
        if (key.revokedAt() != null) return new Refused(REVOKED_KEY, caller);
        if (key.expiresAt() != null && !now.isBefore(key.expiresAt())) return new Refused(EXPIRED_KEY, caller);
        if (!key.ownerEnabled()) return new Refused(DISABLED_OWNER, caller);
        if (key.allowList() == null || !key.allowList().allows(clientIp)) return new Refused(ADDRESS_NOT_ALLOWED, caller);
        lastUse.record(key.id(), now);
        return new Authenticated(caller);
    }
}
