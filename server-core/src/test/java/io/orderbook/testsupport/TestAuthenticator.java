package io.orderbook.testsupport;

import io.orderbook.adapters.http.pipeline.AuthenticationResult;
import io.orderbook.adapters.http.pipeline.Caller;
import io.orderbook.adapters.http.pipeline.PresentedCredentials;
import io.orderbook.adapters.http.pipeline.RequestAuthenticator;
import io.orderbook.adapters.http.problem.ApiProblem;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A request authenticator for tests only: fixed bearer tokens and API keys mapped to callers, plus keys
 * that are refused (revoked) on behalf of a known owner. The real one is the identity module's.
 */
public final class TestAuthenticator implements RequestAuthenticator {

    private final Map<String, Caller> bearerTokens = new ConcurrentHashMap<>();
    private final Map<String, Caller.ApiKey> apiKeys = new ConcurrentHashMap<>();
    private final Map<String, Caller> refusedKeys = new ConcurrentHashMap<>();

    /** Accepts {@code Authorization: Bearer <token>} as {@code caller}. */
    public TestAuthenticator bearer(String token, Caller caller) {
        bearerTokens.put(token, caller);
        return this;
    }

    /** Accepts {@code X-API-Key: <key>} as {@code caller}. */
    public TestAuthenticator apiKey(String key, Caller.ApiKey caller) {
        apiKeys.put(key, caller);
        return this;
    }

    /** Refuses {@code X-API-Key: <key>} with 401 as a revoked key of {@code owner}. */
    public TestAuthenticator revokedKey(String key, Caller owner) {
        refusedKeys.put(key, owner);
        return this;
    }

    @Override
    public AuthenticationResult authenticate(PresentedCredentials credentials, String clientIp) {
        if (credentials instanceof PresentedCredentials.ApiKey key && refusedKeys.containsKey(key.key())) {
            return new AuthenticationResult.Refused(ApiProblem.unauthenticated("This API key was revoked."), refusedKeys.get(key.key()));
        }
        Caller caller = switch (credentials) {
            case PresentedCredentials.BearerToken token -> bearerTokens.get(token.token());
            case PresentedCredentials.ApiKey key -> apiKeys.get(key.key());
            case PresentedCredentials.None none -> null;
        };
        return caller != null
                ? new AuthenticationResult.Authenticated(caller)
                : new AuthenticationResult.Refused(ApiProblem.unauthenticated("Unknown credentials."));
    }
}
