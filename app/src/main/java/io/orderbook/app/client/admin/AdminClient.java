package io.orderbook.app.client.admin;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The administration operations of the workstation, on behalf of the logged-in user. Implemented
 * in-process (embedded server) and over HTTP (remote server); both behave the same, so screens are written
 * against this interface only.
 *
 * <p>Every method blocks on the server: call it off the JavaFX thread. A refusal (validation, missing
 * rights, unknown id, conflict) comes back as the client's exception carrying the server's problem
 * (title, detail and field errors). User and market administration need the ADMIN role; API keys and the
 * request log are open to every user for their own keys and requests.
 */
public interface AdminClient {

    /** All users, by id. */
    List<AdminUser> users();

    /** Creates an enabled user. */
    AdminUser createUser(NewUser user);

    /** Gives the user another role; their sessions and keys must authenticate again. */
    AdminUser changeRole(long userId, UserRole role);

    /** Disables (false) or enables (true) a user; a disabled user's tokens and keys stop at once. */
    AdminUser setEnabled(long userId, boolean enabled);

    /** All listed markets, by symbol. */
    List<AdminMarket> markets();

    /** Lists a new market; its signing key pair is made by the server. */
    AdminMarket createMarket(NewMarket market);

    /** Changes the rules given (non-null fields of {@code changes}). */
    AdminMarket editMarket(String symbol, MarketRules changes);

    /** Halts (true) or resumes (false) trading in a market. */
    AdminMarket setHalted(String symbol, boolean halted);

    /**
     * API keys visible to the caller.
     *
     * @param ownerId only this user's keys; null for the caller's own, or for administrators everyone's
     */
    List<ApiKeyInfo> apiKeys(Long ownerId);

    /** Creates a key for the caller; the result holds its full text this one time. */
    IssuedApiKey createApiKey(NewApiKey key);

    /**
     * Gives a key a new secret with the same prefix and settings.
     *
     * @param gracePeriod how long the old secret keeps working, 0 to 24 hours
     * @param expiresAt   a new expiry, or null to keep it (required when the key has expired)
     */
    IssuedApiKey regenerateApiKey(long keyId, Duration gracePeriod, Instant expiresAt);

    /** Revokes a key at once; revoking a revoked key changes nothing. */
    ApiKeyInfo revokeApiKey(long keyId);

    /** Deletes a key; it stops working at once. */
    void deleteApiKey(long keyId);

    /** One page of the request log matching {@code filter}, newest first. */
    RequestLogPage requestLog(RequestLogFilter filter);

    /**
     * Requests per minute with error rates, every minute of the range included, oldest first.
     *
     * @param apiKeyId only this key's requests, or null
     * @param userId   only this user's requests, or null
     */
    List<RequestMinute> requestsPerMinute(Long apiKeyId, Long userId, Instant from, Instant to);

    /** The server's scheduled jobs (administrators only), in the server's order. */
    List<ScheduledJob> jobs();

    /**
     * Runs a job now, besides its schedule, and returns it as it stands after the run (the server runs it before it
     * answers). A 409 problem when it is running elsewhere in the cluster, 404 for an unknown job.
     */
    ScheduledJob runJob(String name);
}
