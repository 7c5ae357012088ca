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

    /**
     * Lists the users.
     *
     * @return every user, by id
     */
    List<AdminUser> users();

    /**
     * Creates an enabled user.
     *
     * @param user the new user's name, password and role
     * @return the user as created, with its id
     */
    AdminUser createUser(NewUser user);

    /**
     * Gives the user another role; their sessions and keys must authenticate again.
     *
     * @param userId the user to change
     * @param role   the new role
     * @return the user as changed
     */
    AdminUser changeRole(long userId, UserRole role);

    /**
     * Disables or enables a user; a disabled user's tokens and keys stop at once.
     *
     * @param userId  the user to change
     * @param enabled true to enable, false to disable
     * @return the user as changed
     */
    AdminUser setEnabled(long userId, boolean enabled);

    /**
     * Lists the markets with their administration details.
     *
     * @return every listed market, by symbol
     */
    List<AdminMarket> markets();

    /**
     * Lists a new market; its signing key pair is made by the server.
     *
     * @param market the new market's symbol, assets and rules
     * @return the market as listed
     */
    AdminMarket createMarket(NewMarket market);

    /**
     * Changes some of a market's rules.
     *
     * @param symbol  the market to change
     * @param changes the new rules; null fields stay as they are
     * @return the market as changed
     */
    AdminMarket editMarket(String symbol, MarketRules changes);

    /**
     * Halts or resumes trading in a market.
     *
     * @param symbol the market
     * @param halted true to halt, false to resume
     * @return the market as changed
     */
    AdminMarket setHalted(String symbol, boolean halted);

    /**
     * API keys visible to the caller.
     *
     * @param ownerId only this user's keys; null for the caller's own, or for administrators everyone's
     * @return the keys without their secrets
     */
    List<ApiKeyInfo> apiKeys(Long ownerId);

    /**
     * Creates a key for the caller.
     *
     * @param key the new key's name, scope, limits and expiry
     * @return the key with its full text, shown this one time only
     */
    IssuedApiKey createApiKey(NewApiKey key);

    /**
     * Gives a key a new secret with the same prefix and settings.
     *
     * @param keyId       the key to regenerate
     * @param gracePeriod how long the old secret keeps working, 0 to 24 hours
     * @param expiresAt   a new expiry, or null to keep it (required when the key has expired)
     * @return the key with its new full text, shown this one time only
     */
    IssuedApiKey regenerateApiKey(long keyId, Duration gracePeriod, Instant expiresAt);

    /**
     * Revokes a key at once; revoking a revoked key changes nothing.
     *
     * @param keyId the key to revoke
     * @return the key as revoked
     */
    ApiKeyInfo revokeApiKey(long keyId);

    /**
     * Deletes a key; it stops working at once.
     *
     * @param keyId the key to delete
     */
    void deleteApiKey(long keyId);

    /**
     * Reads one page of the request log.
     *
     * @param filter which requests, and the cursor of the page
     * @return the matching requests, newest first, with the cursor of the next page
     */
    RequestLogPage requestLog(RequestLogFilter filter);

    /**
     * Requests per minute with error rates, every minute of the range included, oldest first.
     *
     * @param apiKeyId only this key's requests, or null
     * @param userId   only this user's requests, or null
     * @param from     the start of the range
     * @param to       the end of the range
     * @return one entry per minute of the range, oldest first
     */
    List<RequestMinute> requestsPerMinute(Long apiKeyId, Long userId, Instant from, Instant to);

    /**
     * Lists the server's scheduled jobs (administrators only).
     *
     * @return the jobs, in the server's order
     */
    List<ScheduledJob> jobs();

    /**
     * Runs a job now, besides its schedule; the server runs it before it answers.
     *
     * @param name the job's name
     * @return the job as it stands after the run
     * @throws io.orderbook.app.client.ClientException with status 409 when it is running elsewhere in the cluster,
     *         404 for an unknown job
     */
    ScheduledJob runJob(String name);
}
