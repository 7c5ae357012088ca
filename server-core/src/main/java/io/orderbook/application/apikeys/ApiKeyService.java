package io.orderbook.application.apikeys;

import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.adapters.http.problem.Violations;
import io.orderbook.adapters.persistence.ApiKeyRepository;
import io.orderbook.adapters.persistence.ApiKeyRow;
import io.orderbook.adapters.persistence.Database;
import io.orderbook.adapters.persistence.DuplicateKeyException;
import io.orderbook.adapters.persistence.Page;
import io.orderbook.adapters.persistence.PageRequest;
import io.orderbook.adapters.persistence.StaleRowException;
import io.orderbook.adapters.security.ApiKeyCodec;
import io.orderbook.application.auth.CredentialEvents;
import io.orderbook.application.users.Actor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * API keys: users manage their own, administrators everyone's. A key that belongs to someone else is
 * answered with 404 {@code NOT_FOUND} for a non-administrator, exactly as a key that does not exist, so
 * key ids of other users are never confirmed.
 *
 * <p>Every change that affects authentication (revoke, regenerate, change, delete) is announced through
 * {@link CredentialEvents} after it is committed, so it holds at once on every node.
 */
public final class ApiKeyService {

    static final int MAX_NAME_LENGTH = 100;
    static final int MAX_REQUESTS_PER_MINUTE = 100_000;
    static final Duration MAX_GRACE_PERIOD = Duration.ofHours(24);
    private static final int PREFIX_ATTEMPTS = 5;

    private final Database database;
    private final ApiKeyRepository keys;
    private final ApiKeyCodec codec;
    private final CredentialEvents events;
    private final Clock clock;
    private final Duration maxLifetime;
    private final int maxKeysPerUser;

    /**
     * A service over the given store and collaborators.
     *
     * @param database       runs the read-change-write of a key in one transaction
     * @param keys           where keys are stored
     * @param codec          makes new keys and secrets
     * @param events         told after each committed change, so every node drops its cached credentials
     * @param clock          the time for expiries, statuses and grace periods
     * @param maxLifetime    how far in the future an expiry may be set, e.g. two years
     * @param maxKeysPerUser how many keys (of any status) one user may hold
     * @throws IllegalArgumentException if {@code maxLifetime} is not positive or {@code maxKeysPerUser} is below 1
     */
    public ApiKeyService(Database database, ApiKeyRepository keys, ApiKeyCodec codec, CredentialEvents events, Clock clock,
                         Duration maxLifetime, int maxKeysPerUser) {
        this.database = Objects.requireNonNull(database, "database");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.events = Objects.requireNonNull(events, "events");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.maxLifetime = Objects.requireNonNull(maxLifetime, "maxLifetime");
        if (maxLifetime.isNegative() || maxLifetime.isZero()) throw new IllegalArgumentException("maxLifetime must be positive");
        if (maxKeysPerUser < 1) throw new IllegalArgumentException("maxKeysPerUser must be >= 1");
        this.maxKeysPerUser = maxKeysPerUser;
    }

    /**
     * Creates a key for the caller and returns it with its full text, which is never shown again.
     *
     * @param actor   the caller, who will own the key
     * @param request the key's settings; name, scope, rate limit and expiry are required
     * @return the new key's view and its full text
     * @throws ApiProblem 400 listing every invalid field; 409 {@code CONFLICT} when the caller already has
     *                    the maximum number of keys
     */
    public IssuedApiKey create(Actor actor, NewApiKey request) {
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(request, "request");
        Instant now = clock.instant();
        Violations violations = new Violations();
        String name = checkName(violations, request.name(), true);
        violations.require("scope", request.scope());
        checkRequestsPerMinute(violations, request.requestsPerMinute(), true);
        checkExpiry(violations, request.expiresAt(), now, true);
        IpAllowList allowList = checkAllowList(violations, request.ipAllowList());
        violations.throwIfAny();
        if (keys.listByOwner(actor.userId(), PageRequest.first(1)).total() >= maxKeysPerUser) {
            throw ApiProblem.conflict("You have " + maxKeysPerUser + " API keys, the most allowed; delete one first.");
        }
        for (int attempt = 1; ; attempt++) {
            ApiKeyCodec.IssuedApiKey issued = codec.generate();
            try {
                ApiKeyRow row = keys.insert(new ApiKeyRow(actor.userId(), name, issued.prefix(), issued.hash(), request.scope(),
                        request.requestsPerMinute(), request.expiresAt(), allowList.entries()));
                return new IssuedApiKey(ApiKeyView.of(row, now), issued.plaintext());
            } catch (DuplicateKeyException e) {
                // 62^8 prefixes make a collision rare; trying again with a new prefix is the remedy.
                if (!ApiKeyRepository.PREFIX_CONSTRAINT.equals(e.constraint()) || attempt == PREFIX_ATTEMPTS) throw e;
            }
        }
    }

    /**
     * The key, with its status as of now.
     *
     * @param actor the caller
     * @param id    the key's id
     * @return the key's view
     * @throws ApiProblem 404 when it does not exist or the caller may not see it
     */
    public ApiKeyView get(Actor actor, long id) {
        return ApiKeyView.of(visibleKey(actor, id), clock.instant());
    }

    /**
     * Keys by id: a user's own; for an administrator everyone's, or one user's with {@code ownerId}.
     *
     * @param actor   the caller
     * @param ownerId whose keys to list; empty for the caller's own, or everyone's for an administrator
     * @param page    which page of the list
     * @return the page of keys, with the total count
     * @throws ApiProblem 403 when a non-administrator asks for another user's keys
     */
    public Page<ApiKeyView> list(Actor actor, Optional<Long> ownerId, PageRequest page) {
        Objects.requireNonNull(actor, "actor");
        Instant now = clock.instant();
        if (ownerId.isPresent() && ownerId.get() != actor.userId() && !actor.isAdmin()) {
            throw ApiProblem.forbidden("Only administrators may list other users' keys.");
        }
        Page<ApiKeyRow> rows = ownerId.isPresent() || !actor.isAdmin()
                ? keys.listByOwner(ownerId.orElse(actor.userId()), page)
                : keys.listAll(page);
        return rows.map(row -> ApiKeyView.of(row, now));
    }

    /**
     * Changes name, rate limit, expiry and/or allow-list.
     *
     * @param actor   the caller
     * @param id      the key's id
     * @param changes what to change; at least one field
     * @return the changed key
     * @throws ApiProblem 400 for invalid or no fields, 404 when not visible, 409 when revoked or changed concurrently
     */
    public ApiKeyView patch(Actor actor, long id, ApiKeyChanges changes) {
        Objects.requireNonNull(changes, "changes");
        Instant now = clock.instant();
        Violations violations = new Violations();
        violations.check(!changes.isEmpty(), "body", "give at least one of name, requestsPerMinute, expiresAt, ipAllowList");
        String name = checkName(violations, changes.name(), false);
        checkRequestsPerMinute(violations, changes.requestsPerMinute(), false);
        checkExpiry(violations, changes.expiresAt(), now, false);
        IpAllowList allowList = changes.ipAllowList() == null ? null : checkAllowList(violations, changes.ipAllowList());
        violations.throwIfAny();
        return change(actor, id, row -> {
            requireNotRevoked(row, "changed");
            if (name != null) row.setName(name);
            if (changes.requestsPerMinute() != null) row.setRateLimitPerMinute(changes.requestsPerMinute());
            if (changes.expiresAt() != null) row.setExpiresAt(changes.expiresAt());
            if (allowList != null) row.setIpAllowList(allowList.entries());
            return row;
        });
    }

    /**
     * Revokes the key at once; revoking a revoked key changes nothing.
     *
     * @param actor the caller
     * @param id    the key's id
     * @return the key as it is now, revoked
     * @throws ApiProblem 404 when not visible, 409 when changed concurrently
     */
    public ApiKeyView revoke(Actor actor, long id) {
        return change(actor, id, row -> row.revokedAt().isPresent() ? null : row.setRevokedAt(clock.instant()));
    }

    /**
     * Gives the key a new secret under the same prefix and settings. The old secret keeps working for
     * {@code gracePeriod}, but never beyond the key's old expiry: regenerating an expired key does not
     * bring its old secret back. Allowed after expiry, with a new {@code expiresAt}.
     *
     * @param actor       the caller
     * @param id          the key's id
     * @param gracePeriod 0 to 24 hours; null for 0
     * @param expiresAt   a new expiry, or null to keep the current one (required when the key has expired)
     * @return the key's view and its new full text, shown this one time
     * @throws ApiProblem 400 for invalid values, 404 when not visible, 409 when revoked
     */
    public IssuedApiKey regenerate(Actor actor, long id, Duration gracePeriod, Instant expiresAt) {
        Instant now = clock.instant();
        Duration grace = gracePeriod == null ? Duration.ZERO : gracePeriod;
        Violations violations = new Violations();
        violations.check(!grace.isNegative() && grace.compareTo(MAX_GRACE_PERIOD) <= 0, "graceSeconds",
                "must be from 0 to " + MAX_GRACE_PERIOD.toSeconds());
        checkExpiry(violations, expiresAt, now, false);
        violations.throwIfAny();
        String[] plaintext = new String[1];
        ApiKeyView view = change(actor, id, row -> {
            requireNotRevoked(row, "regenerated");
            Optional<Instant> oldExpiry = row.expiresAt();
            if (expiresAt == null && oldExpiry.filter(expiry -> !now.isBefore(expiry)).isPresent()) {
                throw ApiProblem.validation("expiresAt", "is required because the key has expired");
            }
            ApiKeyCodec.IssuedApiKey issued = codec.regenerate(row.prefix());
            Instant oldSecretUntil = now.plus(grace);
            if (oldExpiry.isPresent() && oldExpiry.get().isBefore(oldSecretUntil)) oldSecretUntil = oldExpiry.get();
            if (oldSecretUntil.isAfter(now)) row.setPreviousSecret(row.secretHash(), oldSecretUntil);
            else row.setPreviousSecret(null, null);
            row.setSecretHash(issued.hash());
            if (expiresAt != null) row.setExpiresAt(expiresAt);
            plaintext[0] = issued.plaintext();
            return row;
        });
        return new IssuedApiKey(view, plaintext[0]);
    }

    /**
     * Deletes the key; it stops working at once.
     *
     * @param actor the caller
     * @param id    the key's id
     * @throws ApiProblem 404 when not visible
     */
    public void delete(Actor actor, long id) {
        ApiKeyRow row = visibleKey(actor, id);
        keys.delete(row.id());
        events.apiKeyChanged(row.prefix());
    }

    /**
     * Reads the visible key, applies {@code edit} and stores the result in one transaction, then
     * announces the change. {@code edit} returns null when there is nothing to store.
     */
    private ApiKeyView change(Actor actor, long id, Function<ApiKeyRow, ApiKeyRow> edit) {
        ApiKeyRow saved;
        boolean[] changed = {false};
        try {
            saved = database.inTransaction(session -> {
                ApiKeyRow row = visibleKey(actor, id);
                ApiKeyRow edited = edit.apply(row);
                if (edited == null) return row;
                changed[0] = true;
                return keys.update(edited);
            });
        } catch (StaleRowException e) {
            throw ApiProblem.conflict("The key was changed at the same time; read it again and retry.");
        }
        if (changed[0]) events.apiKeyChanged(saved.prefix());
        return ApiKeyView.of(saved, clock.instant());
    }

    private ApiKeyRow visibleKey(Actor actor, long id) {
        Objects.requireNonNull(actor, "actor");
        return keys.findById(id)
                .filter(row -> actor.isAdmin() || row.userId() == actor.userId())
                .orElseThrow(() -> ApiProblem.notFound("There is no API key with id " + id + "."));
    }

    private static void requireNotRevoked(ApiKeyRow row, String action) {
        if (row.revokedAt().isPresent()) {
            throw ApiProblem.conflict("The key is revoked and cannot be " + action + "; create a new key.");
        }
    }

    private static String checkName(Violations violations, String name, boolean required) {
        if (name == null) {
            if (required) violations.add("name", "is required");
            return null;
        }
        String stripped = name.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_NAME_LENGTH) {
            violations.add("name", "must have 1 to " + MAX_NAME_LENGTH + " characters");
        } else if (stripped.chars().anyMatch(Character::isISOControl)) {
            violations.add("name", "must not contain control characters");
        }
        return stripped;
    }

    private static void checkRequestsPerMinute(Violations violations, Integer requestsPerMinute, boolean required) {
        if (requestsPerMinute == null) {
            if (required) violations.add("requestsPerMinute", "is required");
        } else if (requestsPerMinute < 1 || requestsPerMinute > MAX_REQUESTS_PER_MINUTE) {
            violations.add("requestsPerMinute", "must be from 1 to " + MAX_REQUESTS_PER_MINUTE);
        }
    }

    private void checkExpiry(Violations violations, Instant expiresAt, Instant now, boolean required) {
        if (expiresAt == null) {
            if (required) violations.add("expiresAt", "is required");
        } else if (!expiresAt.isAfter(now)) {
            violations.add("expiresAt", "must be in the future");
        } else if (expiresAt.isAfter(now.plus(maxLifetime))) {
            violations.add("expiresAt", "must be at most " + maxLifetime.toDays() + " days ahead");
        }
    }

    private static IpAllowList checkAllowList(Violations violations, List<String> entries) {
        return switch (IpAllowList.parse(entries)) {
            case IpAllowList.Parsed.Valid valid -> valid.list();
            case IpAllowList.Parsed.Invalid invalid -> {
                invalid.errors().forEach(error -> violations.add(
                        error.index() < 0 ? "ipAllowList" : "ipAllowList[" + error.index() + "]", error.message()));
                yield IpAllowList.ANY;
            }
        };
    }
}
