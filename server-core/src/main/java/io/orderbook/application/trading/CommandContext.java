package io.orderbook.application.trading;

import io.orderbook.domain.engine.Command;
import io.orderbook.domain.model.Market;

import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * What a command carries besides itself: data the engine ignores but the journal stores atomically with the
 * command's effects. Every part is optional; {@link #NONE} has none.
 *
 * <p>Text is checked here, when the request is made, so that a value the database would refuse can never
 * reach a group commit and fail the other commands of its batch.
 *
 * @param clientOrderId the client's own id for the order the command creates (a place, take or close), unique
 *                      per user: 1 to {@value #MAX_CLIENT_ORDER_ID} visible ASCII characters; or null
 * @param idempotency   the request's idempotency key and fingerprint, or null
 * @param reason        why a balance is adjusted, for the audit trail (balance adjustments only); or null
 * @param actorUserId   the administrator who adjusts a balance (balance adjustments only); or null
 * @param marketKeys    the signing key pair of the market a {@link Command.AddMarket} lists (required there,
 *                      refused elsewhere); or null
 * @param firing        the conditional order a {@link Command.PlaceOrder} fires (refused elsewhere), which the
 *                      journal marks FIRED (the order accepted) or FAILED (with the engine's reason) in the same
 *                      commit as the order; or null
 */
public record CommandContext(String clientOrderId, Idempotency idempotency, String reason, Long actorUserId,
                             MarketKeys marketKeys, Long firing) {

    /** No client order id, no idempotency key, no audit context. */
    public static final CommandContext NONE = new CommandContext(null, null, null, null, null, null);
    /** Longest client order id, in characters (the column's width). */
    public static final int MAX_CLIENT_ORDER_ID = 64;
    /** Longest idempotency key, in characters (the column's width). */
    public static final int MAX_IDEMPOTENCY_KEY = 255;
    /** Longest request fingerprint, in characters (the column's width). */
    public static final int MAX_FINGERPRINT = 128;
    /** Longest reason for a balance adjustment, in characters (the table's check constraint). */
    public static final int MAX_REASON = 500;
    /** What the markets table accepts as a symbol: {@code BASE-QUOTE} in capitals and digits. */
    public static final Pattern MARKET_SYMBOL = Pattern.compile("[A-Z0-9]{1,15}-[A-Z0-9]{1,16}");
    /** Highest market id the markets table accepts. */
    public static final int MAX_MARKET_ID = 65_535;
    /** Highest asset id the assets table accepts. */
    public static final int MAX_ASSET_ID = 32_767;

    /**
     * Checks each part on its own; {@link Sequencer#submit(Command, CommandContext)} checks that they fit the
     * command.
     *
     * @throws IllegalArgumentException if the client order id or the reason is not storable, or the actor is not
     *                                  a user's id
     */
    public CommandContext {
        if (clientOrderId != null) {
            requireVisibleAscii(clientOrderId, MAX_CLIENT_ORDER_ID, "clientOrderId");
        }
        if (reason != null) {
            if (reason.length() > MAX_REASON || reason.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("reason must be at most " + MAX_REASON
                        + " characters without control characters");
            }
        }
        if (actorUserId != null && actorUserId <= 0) {
            throw new IllegalArgumentException("actorUserId must be a user's id");
        }
        if (firing != null && firing <= 0) {
            throw new IllegalArgumentException("firing must be a conditional order's id");
        }
    }

    /**
     * A context without market keys.
     *
     * @param clientOrderId the client's own id for the order the command creates, or null
     * @param idempotency   the request's idempotency key and fingerprint, or null
     * @param reason        why a balance is adjusted (balance adjustments only), or null
     * @param actorUserId   the administrator who adjusts a balance (balance adjustments only), or null
     * @throws IllegalArgumentException as the canonical constructor does
     */
    public CommandContext(String clientOrderId, Idempotency idempotency, String reason, Long actorUserId) {
        this(clientOrderId, idempotency, reason, actorUserId, null, null);
    }

    /**
     * The same context with a client order id.
     *
     * @param id the client's own id for the order the command creates; null removes it
     * @return a new context; this one is unchanged
     * @throws IllegalArgumentException if {@code id} is not 1 to {@value #MAX_CLIENT_ORDER_ID} visible ASCII
     *                                  characters
     */
    public CommandContext withClientOrderId(String id) {
        return new CommandContext(id, idempotency, reason, actorUserId, marketKeys, firing);
    }

    /**
     * The same context with the idempotency key a user sent and the digest of the request it came with.
     *
     * @param userId      the user who sent the request
     * @param key         the {@code Idempotency-Key} header's value
     * @param fingerprint the caller's digest of the request (see {@link Idempotency})
     * @return a new context; this one is unchanged
     * @throws IllegalArgumentException if the key or the fingerprint is not storable (see {@link IdempotencyKey}
     *                                  and {@link Idempotency})
     */
    public CommandContext withIdempotency(long userId, String key, String fingerprint) {
        return new CommandContext(clientOrderId, new Idempotency(new IdempotencyKey(userId, key), fingerprint),
                reason, actorUserId, marketKeys, firing);
    }

    /**
     * The same context with the audit data of a balance adjustment.
     *
     * @param why   the reason, for the audit trail: at most {@value #MAX_REASON} characters, no control characters
     * @param actor the id of the administrator who makes the adjustment
     * @return a new context; this one is unchanged
     * @throws IllegalArgumentException if the reason is not storable or {@code actor} is not positive
     */
    public CommandContext withAudit(String why, long actor) {
        return new CommandContext(clientOrderId, idempotency, why, actor, marketKeys, firing);
    }

    /**
     * The same context with the key pair of the market an {@link Command.AddMarket} lists.
     *
     * @param keys the new market's signing key pair; not null
     * @return a new context; this one is unchanged
     */
    public CommandContext withMarketKeys(MarketKeys keys) {
        return new CommandContext(clientOrderId, idempotency, reason, actorUserId, Objects.requireNonNull(keys, "keys"),
                firing);
    }

    /**
     * The same context for a {@link Command.PlaceOrder} that fires a conditional order.
     *
     * @param conditionalOrderId the conditional order's id
     * @return a new context; this one is unchanged
     * @throws IllegalArgumentException if the id is not positive
     */
    public CommandContext withFiring(long conditionalOrderId) {
        return new CommandContext(clientOrderId, idempotency, reason, actorUserId, marketKeys, conditionalOrderId);
    }

    /** The client order id as a key unique in the whole system, if the command creates an order and has one. */
    ClientOrderKey clientOrderKey(Command command) {
        return clientOrderId == null ? null : new ClientOrderKey(userOf(command), clientOrderId);
    }

    /**
     * Checks that this context fits the command: a client order id only on a command that creates an order,
     * audit data only on a balance adjustment, a firing only on a place, market keys on (and only on) listing a
     * market whose symbol and ids the markets table accepts.
     *
     * @throws IllegalArgumentException if it does not
     */
    void requireFits(Command command) {
        if (clientOrderId != null && orderCreatedBy(command).isEmpty()) {
            throw new IllegalArgumentException("a client order id needs a command that creates an order, not "
                    + command.getClass().getSimpleName());
        }
        if ((reason != null || actorUserId != null) && !(command instanceof Command.AdjustBalance)) {
            throw new IllegalArgumentException("a reason and an actor go with balance adjustments only");
        }
        if (firing != null && !(command instanceof Command.PlaceOrder)) {
            throw new IllegalArgumentException("a conditional order fires by placing an order only");
        }
        if (command instanceof Command.AddMarket add) {
            if (marketKeys == null) {
                throw new IllegalArgumentException("listing a market needs the market's key pair");
            }
            requireStorable(add.market());
        } else if (marketKeys != null) {
            throw new IllegalArgumentException("market keys go with listing a market only");
        }
    }

    private static void requireStorable(Market market) {
        if (!MARKET_SYMBOL.matcher(market.symbol()).matches()) {
            throw new IllegalArgumentException("a market symbol must match " + MARKET_SYMBOL);
        }
        if (market.id() > MAX_MARKET_ID || market.baseAsset() > MAX_ASSET_ID || market.quoteAsset() > MAX_ASSET_ID) {
            throw new IllegalArgumentException("market ids go up to " + MAX_MARKET_ID + ", asset ids up to "
                    + MAX_ASSET_ID);
        }
    }

    /**
     * The id of the order a command creates if the engine accepts it: the new order of a place or take, the
     * closing order of a close.
     *
     * @param command any command
     * @return the id of the order it would create, or empty for a command that creates none
     */
    public static OptionalLong orderCreatedBy(Command command) {
        return switch (command) {
            case Command.PlaceOrder c -> OptionalLong.of(c.orderId());
            case Command.TakeOrder c -> OptionalLong.of(c.orderId());
            case Command.CloseOrder c -> OptionalLong.of(c.closingOrderId());
            default -> OptionalLong.empty();
        };
    }

    private static long userOf(Command command) {
        return switch (command) {
            case Command.PlaceOrder c -> c.userId();
            case Command.TakeOrder c -> c.userId();
            case Command.CloseOrder c -> c.userId();
            default -> throw new IllegalArgumentException(command.getClass().getSimpleName() + " creates no order");
        };
    }

    static void requireVisibleAscii(String value, int maxLength, String name) {
        boolean fits = !value.isEmpty() && value.length() <= maxLength
                && value.chars().allMatch(c -> c > 0x20 && c < 0x7f);
        if (!fits) {
            throw new IllegalArgumentException(name + " must be 1 to " + maxLength + " visible ASCII characters");
        }
    }

    /**
     * An idempotency key with the fingerprint of the request it came with: a retry with the same key and the
     * same fingerprint gets the first answer back; the same key with another fingerprint is refused.
     *
     * @param key         the key, scoped to the user who sent it
     * @param fingerprint the caller's digest of the request (e.g. hex SHA-256 of method, path and body):
     *                    1 to {@value CommandContext#MAX_FINGERPRINT} visible ASCII characters
     */
    public record Idempotency(IdempotencyKey key, String fingerprint) {

        /**
         * Checks the fingerprint as the database stores it.
         *
         * @throws NullPointerException     if either part is null
         * @throws IllegalArgumentException if the fingerprint is not 1 to {@value CommandContext#MAX_FINGERPRINT}
         *                                  visible ASCII characters
         */
        public Idempotency {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(fingerprint, "fingerprint");
            requireVisibleAscii(fingerprint, MAX_FINGERPRINT, "fingerprint");
        }
    }

    /**
     * The signing key pair of a new market, as the markets table stores it.
     *
     * @param publicKey        Ed25519 public key, X.509 (SubjectPublicKeyInfo) encoded
     * @param sealedPrivateKey the private key (PKCS#8), sealed under the master key; never the key in clear
     */
    public record MarketKeys(byte[] publicKey, byte[] sealedPrivateKey) {

        /**
         * Keeps copies of both keys, so that changing the caller's arrays changes nothing here.
         *
         * @throws NullPointerException     if either key is null
         * @throws IllegalArgumentException if either key is empty
         */
        public MarketKeys {
            Objects.requireNonNull(publicKey, "publicKey");
            Objects.requireNonNull(sealedPrivateKey, "sealedPrivateKey");
            if (publicKey.length == 0 || sealedPrivateKey.length == 0) {
                throw new IllegalArgumentException("market keys must not be empty");
            }
            publicKey = publicKey.clone();
            sealedPrivateKey = sealedPrivateKey.clone();
        }

        /**
         * The public key.
         *
         * @return a copy of the X.509-encoded Ed25519 public key
         */
        @Override
        public byte[] publicKey() {
            return publicKey.clone();
        }

        /**
         * The sealed private key.
         *
         * @return a copy of the private key as sealed under the master key
         */
        @Override
        public byte[] sealedPrivateKey() {
            return sealedPrivateKey.clone();
        }

        @Override
        public String toString() {
            return "MarketKeys[publicKey=" + publicKey.length + " bytes, sealedPrivateKey=<redacted>]";
        }
    }
}
