package io.orderbook.application.auth;

import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.adapters.http.problem.ErrorCode;
import io.orderbook.adapters.http.problem.Violations;
import io.orderbook.adapters.persistence.Database;
import io.orderbook.adapters.persistence.RefreshTokenRepository;
import io.orderbook.adapters.persistence.RefreshTokenRow;
import io.orderbook.adapters.persistence.UserRepository;
import io.orderbook.adapters.persistence.UserRow;
import io.orderbook.adapters.security.AccessTokens;
import io.orderbook.adapters.security.PasswordHasher;
import io.orderbook.adapters.security.RefreshTokens;
import io.orderbook.application.users.CredentialRules;
import io.orderbook.application.users.UserAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logging in and out: passwords for tokens, refresh-token rotation, ending sessions.
 *
 * <p>Failed logins are counted per username and per address ({@link LoginThrottle}); over the limit a
 * login is refused with 429 {@code LOGIN_THROTTLED} before the password is even checked. An unknown
 * username costs the same hashing time as a wrong password and gets the same answer.
 *
 * <p>Refresh tokens are single use. Presenting one that was already used (or revoked) means it was
 * copied: every session of that user ends (all refresh tokens revoked, token version incremented).
 */
public final class AuthService {

    private static final Logger LOG = LoggerFactory.getLogger(AuthService.class);
    /** The longest refresh token text accepted, in characters; longer input is refused before any look-up. */
    public static final int MAX_REFRESH_TOKEN_LENGTH = 200;
    private static final String BAD_LOGIN = "Invalid username or password.";
    private static final String BAD_REFRESH_TOKEN = "The refresh token is not valid; log in again.";

    private final Database database;
    private final UserRepository users;
    private final RefreshTokenRepository refreshTokenRows;
    private final PasswordHasher hasher;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final Duration refreshTokenTtl;
    private final LoginThrottle throttle;
    private final CredentialEvents events;
    private final Clock clock;

    /**
     * Creates the service.
     *
     * @param database         transactions over users and refresh tokens
     * @param users            stored users
     * @param refreshTokenRows stored refresh tokens (hashes only)
     * @param hasher           checks passwords against stored hashes
     * @param accessTokens     signs access tokens
     * @param refreshTokens    makes and hashes refresh tokens
     * @param refreshTokenTtl  how long a refresh token stays valid
     * @param throttle         slows down password guessing
     * @param events           tells other nodes when a user's sessions end
     * @param clock            what "now" is
     */
    public AuthService(Database database, UserRepository users, RefreshTokenRepository refreshTokenRows, PasswordHasher hasher,
                       AccessTokens accessTokens, RefreshTokens refreshTokens, Duration refreshTokenTtl,
                       LoginThrottle throttle, CredentialEvents events, Clock clock) {
        this.database = Objects.requireNonNull(database, "database");
        this.users = Objects.requireNonNull(users, "users");
        this.refreshTokenRows = Objects.requireNonNull(refreshTokenRows, "refreshTokenRows");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
        this.accessTokens = Objects.requireNonNull(accessTokens, "accessTokens");
        this.refreshTokens = Objects.requireNonNull(refreshTokens, "refreshTokens");
        this.refreshTokenTtl = Objects.requireNonNull(refreshTokenTtl, "refreshTokenTtl");
        if (refreshTokenTtl.isNegative() || refreshTokenTtl.isZero()) throw new IllegalArgumentException("refreshTokenTtl must be positive");
        this.throttle = Objects.requireNonNull(throttle, "throttle");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Exchanges username and password for tokens.
     *
     * @param username the login name, compared ignoring case
     * @param password the password in clear text
     * @param clientIp the client's address, for throttling
     * @return a new access and refresh token
     * @throws ApiProblem 400 for a missing or oversized field, 429 {@code LOGIN_THROTTLED} (with
     *                    {@code Retry-After}) after too many failures, 401 {@code UNAUTHENTICATED} for a wrong
     *                    username or password or a disabled user
     */
    public TokenPair login(String username, String password, String clientIp) {
        Violations violations = new Violations();
        violations.check(username != null && !username.isEmpty() && username.length() <= CredentialRules.MAX_USERNAME_LENGTH,
                "username", "is required and has at most " + CredentialRules.MAX_USERNAME_LENGTH + " characters");
        violations.check(password != null && !password.isEmpty() && password.length() <= CredentialRules.MAX_PASSWORD_LENGTH,
                "password", "is required and has at most " + CredentialRules.MAX_PASSWORD_LENGTH + " characters");
        violations.throwIfAny();
        Optional<Duration> blocked = throttle.blockedFor(username, clientIp);
        if (blocked.isPresent()) {
            long seconds = Math.max(1, (blocked.get().toMillis() + 999) / 1000);
            throw ApiProblem.of(ErrorCode.LOGIN_THROTTLED,
                            "Too many failed logins for this username or from this address; try again in " + seconds + " s.")
                    .withHeader("Retry-After", Long.toString(seconds));
        }
        // A name no user can have is not looked up (PostgreSQL refuses some characters, such as NUL, outright).
        Optional<UserRow> user = CredentialRules.ANY_USERNAME.matcher(username).matches()
                ? users.findByUsername(username)
                : Optional.empty();
        boolean passwordMatches = user.isPresent()
                ? hasher.verify(password, user.get().passwordHash())
                : hasher.verifyAgainstNothing(password);
        if (!passwordMatches || !user.get().enabled()) {
            throttle.recordFailure(username, clientIp);
            throw ApiProblem.unauthenticated(BAD_LOGIN);
        }
        throttle.recordSuccess(username);
        return issue(user.get());
    }

    /**
     * Exchanges a refresh token for a new access token and a new refresh token; the presented one stops working.
     *
     * @param presented the refresh token the client sent
     * @return the new pair
     * @throws ApiProblem 400 when missing, 401 {@code UNAUTHENTICATED} when unknown, expired, already used
     *                    (which also ends all the user's sessions) or when the user is disabled
     */
    public TokenPair refresh(String presented) {
        Violations violations = new Violations();
        violations.require("refreshToken", presented);
        violations.check(presented == null || presented.length() <= MAX_REFRESH_TOKEN_LENGTH, "refreshToken",
                "has at most " + MAX_REFRESH_TOKEN_LENGTH + " characters");
        violations.throwIfAny();
        if (!refreshTokens.isWellFormed(presented)) throw ApiProblem.unauthenticated(BAD_REFRESH_TOKEN);
        String hash = RefreshTokens.hash(presented);
        Instant now = clock.instant();
        Rotation rotation = database.inTransaction(session -> {
            Optional<RefreshTokenRow> found = refreshTokenRows.findByTokenHash(hash);
            if (found.isEmpty()) return Rotation.REFUSED;
            RefreshTokenRow row = found.get();
            if (row.revokedAt().isPresent()) {
                refreshTokenRows.revokeAllOfUser(row.userId(), now);
                users.incrementVersion(row.userId());
                return new Rotation(null, row.userId());
            }
            if (!now.isBefore(row.expiresAt())) return Rotation.REFUSED;
            Optional<UserRow> user = users.findById(row.userId()).filter(UserRow::enabled);
            // Losing the race against a concurrent refresh with the same token refuses this one.
            if (user.isEmpty() || !refreshTokenRows.revoke(row.id(), now)) return Rotation.REFUSED;
            return new Rotation(issue(user.get()), 0);
        });
        if (rotation.reusedByUser() != 0) {
            LOG.warn("A used refresh token of user {} was presented again; ended all of the user's sessions", rotation.reusedByUser());
            events.userChanged(rotation.reusedByUser());
            throw ApiProblem.unauthenticated("This refresh token was already used; all sessions were ended. Log in again.");
        }
        if (rotation.tokens() == null) throw ApiProblem.unauthenticated(BAD_REFRESH_TOKEN);
        return rotation.tokens();
    }

    private record Rotation(TokenPair tokens, long reusedByUser) {
        static final Rotation REFUSED = new Rotation(null, 0);
    }

    /**
     * Ends sessions of the user: the given refresh token (if it is theirs; anything else is ignored, so
     * the answer tells nothing about other users' tokens), and with {@code allSessions} every access and
     * refresh token they have.
     *
     * @param userId       the authenticated user
     * @param refreshToken the refresh token to end, or null
     * @param allSessions  whether to end every session of the user
     * @throws ApiProblem 400 when neither is asked for or the token is malformed
     */
    public void logout(long userId, String refreshToken, boolean allSessions) {
        Violations violations = new Violations();
        violations.check(refreshToken != null || allSessions, "body", "give refreshToken, allSessions: true, or both");
        violations.check(refreshToken == null || refreshTokens.isWellFormed(refreshToken), "refreshToken", "is not a refresh token");
        violations.throwIfAny();
        Instant now = clock.instant();
        database.runInTransaction(session -> {
            if (refreshToken != null) {
                refreshTokenRows.findByTokenHash(RefreshTokens.hash(refreshToken))
                        .filter(row -> row.userId() == userId)
                        .ifPresent(row -> refreshTokenRows.revoke(row.id(), now));
            }
            if (allSessions) {
                refreshTokenRows.revokeAllOfUser(userId, now);
                users.incrementVersion(userId);
            }
        });
        if (allSessions) events.userChanged(userId);
    }

    /**
     * The user behind an authenticated request.
     *
     * @param userId the authenticated user's id
     * @return the user's account
     * @throws ApiProblem 401 when the user was deleted since the token was issued
     */
    public UserAccount me(long userId) {
        return users.findById(userId).map(UserAccount::of)
                .orElseThrow(() -> ApiProblem.unauthenticated("The user no longer exists."));
    }

    private TokenPair issue(UserRow user) {
        AccessTokens.IssuedAccessToken access = accessTokens.issue(user.id(), user.role().name(), user.version());
        RefreshTokens.IssuedRefreshToken refresh = refreshTokens.issue();
        Instant refreshExpiresAt = clock.instant().plus(refreshTokenTtl);
        refreshTokenRows.insert(new RefreshTokenRow(user.id(), refresh.hash(), refreshExpiresAt));
        return new TokenPair(access.token(), access.expiresAt(), refresh.token(), refreshExpiresAt);
    }
}
