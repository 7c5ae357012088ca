package io.orderbook.adapters.signing;

import io.orderbook.domain.engine.EngineEvent.TradeExecuted;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

import java.io.IOException;

/**
 * One market's private key, ready to sign trades quickly. Ed25519 signatures are deterministic, so these are
 * exactly the signatures {@link TradeSignatures#sign} makes and {@link TradeSignatures#verify} accepts; Bouncy
 * Castle's implementation (with the public key derived once) is about ten times faster than the JDK's, which
 * matters because every trade is signed on the sequencer's commit path. Thread-safe.
 */
public final class MarketSigningKey {
    private final Ed25519PrivateKeyParameters privateKey;
    private final Ed25519PublicKeyParameters publicKey;

    private MarketSigningKey(Ed25519PrivateKeyParameters privateKey) {
        this.privateKey = privateKey;
        this.publicKey = privateKey.generatePublicKey();
    }

    /**
     * The key from its PKCS#8 encoding.
     *
     * @throws IllegalArgumentException if it is not an Ed25519 private key
     */
    static MarketSigningKey fromPkcs8(byte[] pkcs8) {
        AsymmetricKeyParameter key;
        try {
            key = PrivateKeyFactory.createKey(pkcs8);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a PKCS#8 private key", e);
        }
        if (!(key instanceof Ed25519PrivateKeyParameters ed25519)) {
            throw new IllegalArgumentException("not an Ed25519 private key");
        }
        return new MarketSigningKey(ed25519);
    }

    /** The X.509 encoding of the matching public key. */
    byte[] publicKeyX509() {
        return TradeSignatures.x509(publicKey.getEncoded());
    }

    /**
     * Signs the trade's canonical message (see {@link TradeSignatures#canonicalMessage}).
     *
     * @param marketSymbol the symbol of the trade's market, e.g. {@code BTC-USD}
     * @param trade        the trade
     * @return the 64-byte Ed25519 signature
     */
    public byte[] sign(String marketSymbol, TradeExecuted trade) {
        byte[] message = TradeSignatures.canonicalMessage(marketSymbol, trade);
        byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
        privateKey.sign(Ed25519.Algorithm.Ed25519, publicKey, null, message, 0, message.length, signature, 0);
        return signature;
    }

    @Override
    public String toString() {
        return "MarketSigningKey[<redacted>]";
    }
}
