package io.orderbook.adapters.signing;

import io.orderbook.adapters.security.SecretBox;
import io.orderbook.application.trading.CommandContext.MarketKeys;

import java.security.KeyPair;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The markets' signing keys. A new market's key pair is generated here and its private key sealed at once under
 * the master key ({@link SecretBox}, bound to the market's id), so it exists in clear only in memory. Trades are
 * signed with keys unsealed once per market and then cached, so signing costs one signature and no decryption.
 * Thread-safe; one per node.
 */
public final class MarketKeyring {
    private final SecretBox box;
    private final ConcurrentHashMap<Integer, MarketSigningKey> unsealed = new ConcurrentHashMap<>();

    /**
     * A keyring that seals and opens market keys with {@code box}.
     *
     * @param box the master key's box
     */
    public MarketKeyring(SecretBox box) {
        this.box = Objects.requireNonNull(box, "box");
    }

    /**
     * Generates a key pair for a new market.
     *
     * @param marketId the market's id; the sealed private key opens only for it
     * @return the public key in X.509 form and the private key sealed under the master key
     */
    public MarketKeys generate(int marketId) {
        KeyPair pair = TradeSignatures.generateKeyPair();
        byte[] pkcs8 = pair.getPrivate().getEncoded();
        try {
            return new MarketKeys(pair.getPublic().getEncoded(), box.seal(pkcs8, sealContext(marketId)));
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /**
     * The market's signing key, unsealing {@code sealedKey} the first time it is needed.
     *
     * @param marketId  the market's id
     * @param sealedKey supplies the market's sealed private key; called only if the key is not cached yet
     * @return the key, cached for later calls
     * @throws SecretBox.UnreadableSecretException if the sealed key does not open under the master key
     */
    public MarketSigningKey signingKey(int marketId, Supplier<byte[]> sealedKey) {
        MarketSigningKey key = unsealed.get(marketId);
        if (key != null) {
            return key;
        }
        return unsealed.computeIfAbsent(marketId, id -> unseal(id, sealedKey.get()));
    }

    /** Whether the market's key is unsealed in memory. */
    boolean holds(int marketId) {
        return unsealed.containsKey(marketId);
    }

    /**
     * Drops a delisted market's key from memory.
     *
     * @param marketId the market's id; an unknown id is ignored
     */
    public void forget(int marketId) {
        unsealed.remove(marketId);
    }

    private MarketSigningKey unseal(int marketId, byte[] sealed) {
        byte[] pkcs8 = box.open(Objects.requireNonNull(sealed, "sealed key of market " + marketId), sealContext(marketId));
        try {
            return MarketSigningKey.fromPkcs8(pkcs8);
        } finally {
            Arrays.fill(pkcs8, (byte) 0);
        }
    }

    /** What a market's sealed key is bound to: it opens only for this market. */
    static String sealContext(int marketId) {
        return "market:" + marketId + ":key";
    }

    @Override
    public String toString() {
        return "MarketKeyring[" + unsealed.size() + " keys unsealed]";
    }
}
