package io.orderbook.adapters.http.pipeline;

import java.util.Objects;

/** Who is making a request, as established by authentication. */
public sealed interface Caller {

    /** The one anonymous caller. */
    Anonymous ANONYMOUS = new Anonymous();

    /** No credentials were presented (or none were accepted). */
    record Anonymous() implements Caller {
    }

    /**
     * A user authenticated by a bearer access token; acts with the user's full rights.
     *
     * @param userId the user's id
     * @param role   the user's role
     */
    record User(long userId, Role role) implements Caller {
        /** Requires the role. */
        public User {
            Objects.requireNonNull(role, "role");
        }
    }

    /**
     * A client authenticated by an API key: the owner's role, narrowed by the key's scope and limited by its rate.
     *
     * @param userId            the key owner's id
     * @param role              the owner's role
     * @param apiKeyId          the key's id
     * @param scope             what the key may do
     * @param requestsPerMinute the key's own rate limit, at least 1
     */
    record ApiKey(long userId, Role role, long apiKeyId, KeyScope scope, int requestsPerMinute) implements Caller {
        /**
         * Checks the key's figures.
         *
         * @throws IllegalArgumentException if {@code requestsPerMinute} is below 1
         */
        public ApiKey {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(scope, "scope");
            if (requestsPerMinute < 1) throw new IllegalArgumentException("requestsPerMinute must be >= 1");
        }
    }

    /** {@return the user behind the request, or null when anonymous} */
    default Long userIdOrNull() {
        return switch (this) {
            case Anonymous a -> null;
            case User u -> u.userId();
            case ApiKey k -> k.userId();
        };
    }

    /** {@return the API key behind the request, or null when it did not use one} */
    default Long apiKeyIdOrNull() {
        return this instanceof ApiKey k ? k.apiKeyId() : null;
    }
}
