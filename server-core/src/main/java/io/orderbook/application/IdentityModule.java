package io.orderbook.application;

import io.orderbook.adapters.http.HttpRoutes;
import io.orderbook.adapters.http.apikeys.ApiKeyRoutes;
import io.orderbook.adapters.http.auth.AuthRoutes;
import io.orderbook.adapters.http.pipeline.RequestAuthenticator;
import io.orderbook.adapters.http.users.UserRoutes;
import io.orderbook.adapters.identity.CredentialCache;
import io.orderbook.adapters.identity.CredentialInvalidation;
import io.orderbook.adapters.identity.IdentityAuthenticator;
import io.orderbook.adapters.identity.LastUseRecorder;
import io.orderbook.adapters.identity.RedisAdminChangeLock;
import io.orderbook.adapters.identity.RedisLoginThrottle;
import io.orderbook.adapters.persistence.ApiKeyRepository;
import io.orderbook.adapters.persistence.Database;
import io.orderbook.adapters.persistence.RefreshTokenRepository;
import io.orderbook.adapters.persistence.UserRepository;
import io.orderbook.adapters.security.AccessTokens;
import io.orderbook.adapters.security.ApiKeyCodec;
import io.orderbook.adapters.security.PasswordHasher;
import io.orderbook.adapters.security.RefreshTokens;
import io.orderbook.application.apikeys.ApiKeyService;
import io.orderbook.application.auth.AuthService;
import io.orderbook.application.users.UserService;
import io.orderbook.bootstrap.AdminAccount;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.redisson.api.RedissonClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may call the server: users and login (JWT access tokens, rotating refresh tokens), API keys, and
 * the request authenticator, wired from the database, Redis and the settings. The composition root
 * builds one per node, plugs {@link #authenticator()} and {@link #routes()} into the HTTP server, calls
 * {@link #ensureFirstAdmin} once at start and {@link #close()} at shutdown (after the HTTP server stopped).
 *
 * <pre>{@code
 * IdentityModule identity = new IdentityModule(database, redisson,
 *         IdentityModule.Settings.defaults(secrets.jwtSecret(config).bytes()), Clock.systemUTC());
 * identity.ensureFirstAdmin(config.firstAdmin());
 * HttpServer.builder().authenticator(identity.authenticator()).routes(identity.routes())...
 * }</pre>
 */
public final class IdentityModule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(IdentityModule.class);
    /** Written into and required of every access token, so tokens of other systems sharing a secret are refused. */
    public static final String TOKEN_ISSUER = "orderbook-server";
    /** The audience written into and required of every access token: this server's API. */
    public static final String TOKEN_AUDIENCE = "orderbook-api";

    private final UserService users;
    private final AuthService auth;
    private final ApiKeyService apiKeys;
    private final IdentityAuthenticator authenticator;
    private final LastUseRecorder lastUse;
    private final CredentialInvalidation invalidation;
    private final HttpRoutes routes;
    private boolean closed;

    /**
     * Identity settings; {@link #defaults} gives the recommended values.
     *
     * @param jwtSecret                  the HMAC key for access tokens, at least 32 bytes, the same on every node
     * @param accessTokenTtl             how long an access token is accepted
     * @param refreshTokenTtl            how long a refresh token may be exchanged
     * @param maxFailedLoginsPerUsername failures within {@code failedLoginWindow} that block a username
     * @param maxFailedLoginsPerAddress  failures within {@code failedLoginWindow} that block a client address
     * @param failedLoginWindow          how long failed logins are counted, from the first
     * @param credentialCacheTtl         how long users and keys are cached; only bounds a lost invalidation message
     * @param credentialCacheMaxEntries  users and, separately, keys held at most
     * @param lastUseFlushInterval       how often API keys' last use is written
     * @param maxApiKeyLifetime          how far ahead a key's expiry may be set
     * @param maxApiKeysPerUser          keys one user may hold
     * @param passwordCost               Argon2id cost for new password hashes
     */
    public record Settings(byte[] jwtSecret, Duration accessTokenTtl, Duration refreshTokenTtl,
                           int maxFailedLoginsPerUsername, int maxFailedLoginsPerAddress, Duration failedLoginWindow,
                           Duration credentialCacheTtl, int credentialCacheMaxEntries, Duration lastUseFlushInterval,
                           Duration maxApiKeyLifetime, int maxApiKeysPerUser, PasswordHasher.Cost passwordCost) {

        /**
         * Checks that every setting is present and keeps a copy of the secret, so the caller's array can be wiped.
         *
         * @throws NullPointerException if the secret or a duration or the password cost is null
         */
        public Settings {
            Objects.requireNonNull(jwtSecret, "jwtSecret");
            jwtSecret = jwtSecret.clone();
            Objects.requireNonNull(accessTokenTtl, "accessTokenTtl");
            Objects.requireNonNull(refreshTokenTtl, "refreshTokenTtl");
            Objects.requireNonNull(failedLoginWindow, "failedLoginWindow");
            Objects.requireNonNull(credentialCacheTtl, "credentialCacheTtl");
            Objects.requireNonNull(lastUseFlushInterval, "lastUseFlushInterval");
            Objects.requireNonNull(maxApiKeyLifetime, "maxApiKeyLifetime");
            Objects.requireNonNull(passwordCost, "passwordCost");
        }

        /**
         * Access tokens for 15 minutes, refresh tokens for 30 days; 5 failed logins per username and 20 per
         * address in 15 minutes; users and keys cached for 10 seconds; last use written every second;
         * keys expire at most 2 years ahead, at most 100 per user; OWASP's Argon2id cost.
         *
         * @param jwtSecret the HMAC key for access tokens, at least 32 bytes, the same on every node
         * @return the recommended settings with this secret
         */
        public static Settings defaults(byte[] jwtSecret) {
            return new Settings(jwtSecret, Duration.ofMinutes(15), Duration.ofDays(30), 5, 20, Duration.ofMinutes(15),
                    Duration.ofSeconds(10), 100_000, Duration.ofSeconds(1), Duration.ofDays(730), 100,
                    PasswordHasher.DEFAULT_COST);
        }

        /**
         * The HMAC key for access tokens.
         *
         * @return a copy, so the settings' own cannot be changed
         */
        @Override
        public byte[] jwtSecret() {
            return jwtSecret.clone();
        }

        /**
         * These settings with another credential cache lifetime.
         *
         * @param ttl how long users and keys are cached
         * @return a copy with that one setting changed
         */
        public Settings withCredentialCacheTtl(Duration ttl) {
            return new Settings(jwtSecret, accessTokenTtl, refreshTokenTtl, maxFailedLoginsPerUsername, maxFailedLoginsPerAddress,
                    failedLoginWindow, ttl, credentialCacheMaxEntries, lastUseFlushInterval, maxApiKeyLifetime, maxApiKeysPerUser,
                    passwordCost);
        }

        /**
         * These settings with another interval for writing API keys' last use.
         *
         * @param interval how often last use is written
         * @return a copy with that one setting changed
         */
        public Settings withLastUseFlushInterval(Duration interval) {
            return new Settings(jwtSecret, accessTokenTtl, refreshTokenTtl, maxFailedLoginsPerUsername, maxFailedLoginsPerAddress,
                    failedLoginWindow, credentialCacheTtl, credentialCacheMaxEntries, interval, maxApiKeyLifetime, maxApiKeysPerUser,
                    passwordCost);
        }

        /**
         * These settings with another Argon2id cost (tests use a cheap one).
         *
         * @param cost the cost for new password hashes
         * @return a copy with that one setting changed
         */
        public Settings withPasswordCost(PasswordHasher.Cost cost) {
            return new Settings(jwtSecret, accessTokenTtl, refreshTokenTtl, maxFailedLoginsPerUsername, maxFailedLoginsPerAddress,
                    failedLoginWindow, credentialCacheTtl, credentialCacheMaxEntries, lastUseFlushInterval, maxApiKeyLifetime,
                    maxApiKeysPerUser, cost);
        }

        @Override
        public String toString() {
            return "Settings[jwtSecret=<redacted>, accessTokenTtl=" + accessTokenTtl + ", refreshTokenTtl=" + refreshTokenTtl
                    + ", maxFailedLoginsPerUsername=" + maxFailedLoginsPerUsername + ", maxFailedLoginsPerAddress="
                    + maxFailedLoginsPerAddress + ", failedLoginWindow=" + failedLoginWindow + ", credentialCacheTtl="
                    + credentialCacheTtl + ", credentialCacheMaxEntries=" + credentialCacheMaxEntries + ", lastUseFlushInterval="
                    + lastUseFlushInterval + ", maxApiKeyLifetime=" + maxApiKeyLifetime + ", maxApiKeysPerUser="
                    + maxApiKeysPerUser + ", passwordCost=" + passwordCost + "]";
        }
    }

    /**
     * Builds everything and starts the background work: the last-use flusher and the subscription to
     * credential changes of other nodes (subscribed before this returns).
     *
     * @param database the PostgreSQL store of users, keys and refresh tokens; the module does not close it
     * @param redisson a client with the cluster's key prefix; the module does not shut it down
     * @param settings tokens, throttling, caching and key limits
     * @param clock    the time for tokens, expiries and throttling
     */
    public IdentityModule(Database database, RedissonClient redisson, Settings settings, Clock clock) {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(redisson, "redisson");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(clock, "clock");
        SecureRandom random = new SecureRandom();
        UserRepository userRows = new UserRepository(database, clock);
        ApiKeyRepository keyRows = new ApiKeyRepository(database, clock);
        RefreshTokenRepository refreshTokenRows = new RefreshTokenRepository(database, clock);
        PasswordHasher hasher = new PasswordHasher(settings.passwordCost(), Runtime.getRuntime().availableProcessors(), random);
        AccessTokens accessTokens = new AccessTokens(settings.jwtSecret(), TOKEN_ISSUER, TOKEN_AUDIENCE, settings.accessTokenTtl(), clock);
        ApiKeyCodec codec = new ApiKeyCodec(random);

        CredentialCache cache = new CredentialCache(userRows, keyRows, settings.credentialCacheTtl(), settings.credentialCacheMaxEntries());
        this.invalidation = new CredentialInvalidation(redisson, cache);
        this.lastUse = new LastUseRecorder(keyRows, settings.lastUseFlushInterval());
        this.authenticator = new IdentityAuthenticator(accessTokens, codec, cache, lastUse, clock, settings.credentialCacheTtl());

        this.users = new UserService(database, userRows, refreshTokenRows, hasher, new RedisAdminChangeLock(redisson), invalidation, clock);
        this.auth = new AuthService(database, userRows, refreshTokenRows, hasher, accessTokens, new RefreshTokens(random),
                settings.refreshTokenTtl(), new RedisLoginThrottle(redisson, settings.maxFailedLoginsPerUsername(),
                settings.maxFailedLoginsPerAddress(), settings.failedLoginWindow()), invalidation, clock);
        this.apiKeys = new ApiKeyService(database, keyRows, codec, invalidation, clock, settings.maxApiKeyLifetime(),
                settings.maxApiKeysPerUser());

        HttpRoutes authRoutes = new AuthRoutes(auth, apiKeys, clock);
        HttpRoutes userRoutes = new UserRoutes(users);
        HttpRoutes keyRoutes = new ApiKeyRoutes(apiKeys);
        this.routes = group -> {
            authRoutes.addTo(group);
            userRoutes.addTo(group);
            keyRoutes.addTo(group);
        };
    }

    /**
     * Authenticates bearer tokens and API keys, for {@code HttpServer.Builder.authenticator}.
     *
     * @return the node's authenticator
     */
    public RequestAuthenticator authenticator() {
        return authenticator;
    }

    /**
     * {@code /auth}, {@code /users} and {@code /api-keys} under {@code /api/v1}, for {@code HttpServer.Builder.routes}.
     *
     * @return the routes
     */
    public HttpRoutes routes() {
        return routes;
    }

    /**
     * Creates the configured administrator if there are no users yet; safe on every start and on several
     * nodes at once. Warns when there are no users and none is configured, because then nobody can log in.
     *
     * @param configured the administrator to create, from the configuration, or empty
     * @return whether the administrator was created now
     */
    public boolean ensureFirstAdmin(Optional<AdminAccount> configured) {
        if (configured.isPresent()) {
            return users.ensureFirstAdmin(configured.get().username(), configured.get().password().reveal());
        }
        if (!users.anyUserExists()) {
            LOG.warn("There are no users and no first administrator is configured: set ADMIN_USERNAME and ADMIN_PASSWORD");
        }
        return false;
    }

    /**
     * User administration, for in-process callers such as the workstation and demo data.
     *
     * @return the node's user service
     */
    public UserService users() {
        return users;
    }

    /**
     * Login, token refresh and logout, for in-process callers.
     *
     * @return the node's authentication service
     */
    public AuthService auth() {
        return auth;
    }

    /**
     * API key management, for in-process callers.
     *
     * @return the node's API key service
     */
    public ApiKeyService apiKeys() {
        return apiKeys;
    }

    /** Writes the last API key uses and stops listening for other nodes' changes. The database and Redis stay open. */
    @Override
    public synchronized void close() {
        if (closed) return;
        closed = true;
        try {
            lastUse.close();
        } finally {
            invalidation.close();
        }
    }
}
