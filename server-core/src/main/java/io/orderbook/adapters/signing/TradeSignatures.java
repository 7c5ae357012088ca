package io.orderbook.adapters.signing;

import io.orderbook.domain.engine.EngineEvent.TradeExecuted;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/**
 * Ed25519 signatures over trades, so a client holding a market's public key can check that a trade really
 * came from this exchange. The signed message is a canonical text of the trade's facts (see
 * {@link #canonicalMessage}), documented in the OpenAPI document so clients can rebuild it.
 */
public final class TradeSignatures {
    private static final String ALGORITHM = "Ed25519";
    /** SEQUENCE { SEQUENCE { OID 1.3.101.112 }, BIT STRING (32 bytes follow) } (RFC 8410). */
    private static final byte[] X509_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private TradeSignatures() {
    }

    /** A new market key pair. */
    static KeyPair generateKeyPair() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    /**
     * The bytes that are signed: {@code obw-trade-v1|symbol|tradeId|price|quantity|quoteQuantity|makerOrderId|
     * takerOrderId|takerSide|timestampMillis}, UTF-8, amounts as integers in minor units.
     *
     * @param marketSymbol the symbol of the trade's market, e.g. {@code BTC-USD}
     * @param trade        the trade
     * @return the message's bytes
     */
    public static byte[] canonicalMessage(String marketSymbol, TradeExecuted trade) {
        String text = String.join("|", "obw-trade-v1", marketSymbol, Long.toString(trade.tradeId()),
                Long.toString(trade.price()), Long.toString(trade.quantity()), Long.toString(trade.quoteQuantity()),
                Long.toString(trade.makerOrderId()), Long.toString(trade.takerOrderId()), trade.takerSide().name(),
                Long.toString(trade.timestamp()));
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** Signs a trade with its market's private key. */
    static byte[] sign(PrivateKey marketKey, String marketSymbol, TradeExecuted trade) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(marketKey);
            signature.update(canonicalMessage(marketSymbol, trade));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign trade " + trade.tradeId(), e);
        }
    }

    /**
     * Checks a trade's signature.
     *
     * @param marketKey    the market's public key
     * @param marketSymbol the symbol of the trade's market
     * @param trade        the trade
     * @param signature    the signature to check
     * @return whether {@code signature} is a valid signature of the trade by the market's key
     */
    public static boolean verify(PublicKey marketKey, String marketSymbol, TradeExecuted trade, byte[] signature) {
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(marketKey);
            verifier.update(canonicalMessage(marketSymbol, trade));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /**
     * Reads a market's public key.
     *
     * @param x509 the key's X.509 (SubjectPublicKeyInfo) encoding, as stored and published
     * @return the key
     * @throws IllegalArgumentException if the bytes are not an Ed25519 public key
     */
    public static PublicKey publicKey(byte[] x509) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 public key", e);
        }
    }

    /** The X.509 (SubjectPublicKeyInfo) encoding of a raw 32-byte Ed25519 public key. */
    static byte[] x509(byte[] raw) {
        if (raw.length != 32) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes");
        }
        byte[] encoded = new byte[X509_PREFIX.length + raw.length];
        System.arraycopy(X509_PREFIX, 0, encoded, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, raw.length);
        return encoded;
    }

    /** A private key from its PKCS#8 encoding (stored only sealed with the master key). */
    static PrivateKey privateKey(
byte[] pkcs8) {
        try {
            return KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an Ed25519 private key", e);
        }
    }
}
