package io.orderbook.adapters.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 fingerprints of high-entropy secrets (API keys, refresh tokens) and their constant-time comparison. */
final class SecretDigests {

    private static final HexFormat HEX = HexFormat.of();
    /**
     * Cloned for each digest: {@code MessageDigest.getInstance} looks the algorithm up in the providers every
     * time, which cost more than hashing a key on the request path.
     */
    private static final MessageDigest SHA_256 = newSha256();

    private SecretDigests() {
    }

    /**
     * Lowercase hex SHA-256 of the UTF-8 text. A plain hash suffices here, unlike for passwords: the
     * secrets carry 256 random bits, so nobody can guess them back from a leaked hash.
     */
    static String sha256Hex(String secret) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            digest = newSha256(); // a provider whose digests cannot be cloned
        }
        return HEX.formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    /** Compares two hex digests without leaking, through timing, how many leading characters match. */
    static boolean sameDigest(String a, String b) {
        if (a == null || b == null) return false;
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}
