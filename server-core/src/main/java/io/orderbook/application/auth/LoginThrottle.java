package io.orderbook.application.auth;

import java.time.Duration;
import java.util.Optional;

/**
 * Counts failed logins per username and per client address, across every server node, so that password
 * guessing is slowed down wherever it comes from and whichever account it aims at.
 */
public interface LoginThrottle {

    /** Never throttles: for tests and tools. */
    LoginThrottle NONE = new LoginThrottle() {
        @Override
        public Optional<Duration> blockedFor(String username, String clientIp) {
            return Optional.empty();
        }

        @Override
        public void recordFailure(String username, String clientIp) {
        }

        @Override
        public void recordSuccess(String username) {
        }
    };

    /**
     * How long logins for this username or from this address stay refused, or empty when they may be tried.
     * Usernames are compared ignoring case, as logins are.
     *
     * @param username the login name tried
     * @param clientIp the client's address
     * @return how long until the next try is allowed, or empty
     */
    Optional<Duration> blockedFor(String username, String clientIp);

    /**
     * Counts a failed login against both the username (known or not) and the address.
     *
     * @param username the login name tried
     * @param clientIp the client's address
     */
    void recordFailure(String username, String clientIp);

    /**
     * Clears the username's failures after a successful login. The address keeps its count, so that one
     * valid account cannot be used to reset the count of guesses against others.
     *
     * @param username the login name that succeeded
     */
    void recordSuccess(String username);
}
