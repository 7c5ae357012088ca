package io.orderbook.adapters.http.pipeline;

import io.orderbook.adapters.http.problem.ApiProblem;
import java.util.Objects;

/** The credentials a request carries, read from its headers; their text is never printed. */
public sealed interface PresentedCredentials {

    /** The header that carries an API key. */
    String API_KEY_HEADER = "X-API-Key";
    /** The header that carries a bearer token. */
    String AUTHORIZATION_HEADER = "Authorization";

    /** The one "no credentials". */
    None NONE = new None();

    /** Neither {@code Authorization} nor {@code X-API-Key} was sent. */
    record None() implements PresentedCredentials {
    }

    /**
     * {@code Authorization: Bearer <token>}.
     *
     * @param token the token text, without the scheme
     */
    record BearerToken(String token) implements PresentedCredentials {
        /** Requires the token. */
        public BearerToken {
            Objects.requireNonNull(token, "token");
        }

        @Override
        public String toString() {
            return "BearerToken[<redacted>]";
        }
    }

    /**
     * {@code X-API-Key: <key>}.
     *
     * @param key the key text, stripped of surrounding white space
     */
    record ApiKey(String key) implements PresentedCredentials {
        /** Requires the key. */
        public ApiKey {
            Objects.requireNonNull(key, "key");
        }

        @Override
        public String toString() {
            return "ApiKey[<redacted>]";
        }
    }

    /**
     * Reads the two headers. Throws 401 {@code UNAUTHENTICATED} for an {@code Authorization} scheme other
     * than Bearer, an empty value, or both headers at once (which one would be meant is ambiguous).
     *
     * @param authorization the {@code Authorization} header, or {@code null} if absent
     * @param apiKey        the {@code X-API-Key} header, or {@code null} if absent
     * @return the credentials, {@link #NONE} if neither header was sent
     * @throws io.orderbook.adapters.http.problem.ApiProblem 401 for unusable headers
     */
    static PresentedCredentials fromHeaders(String authorization, String apiKey) {
        boolean hasAuthorization = authorization != null;
        boolean hasApiKey = apiKey != null;
        if (hasAuthorization && hasApiKey) {
            throw ApiProblem.unauthenticated("Send either an Authorization header or an X-API-Key header, not both.");
        }
        if (hasApiKey) {
            String key = apiKey.strip();
            if (key.isEmpty()) throw ApiProblem.unauthenticated("The X-API-Key header is empty.");
            return new ApiKey(key);
        }
        if (hasAuthorization) {
            String value = authorization.strip();
            int space = value.indexOf(' ');
            if (space < 0 || !value.substring(0, space).equalsIgnoreCase("Bearer")) {
                throw ApiProblem.unauthenticated("The Authorization header must use the Bearer scheme.");
            }
            String token = value.substring(space + 1).strip();
            if (token.isEmpty()) throw ApiProblem.unauthenticated("The bearer token is empty.");
            return new BearerToken(token);
        }
        return NONE;
    }
}
