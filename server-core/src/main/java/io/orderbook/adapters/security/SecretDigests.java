package io.orderbook.adapters.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 fingerprints of high-entropy secrets (API keys, refresh tokens) and their constant-time comparison. */
final class SecretDigests {

    private static final HexFormat HEX = HexFormat.of();

    private SecretDigests() {
    }

    /**
     * Lowercase hex SHA-256 of the UTF-8 text. A plain hash suffices here, unlike for passwords: the
     * secrets carry 256 random bits, so nobody can guess them back from a leaked hash.
     */
    static String sha256Hex(String secret) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HEX.formatHex(digest.digest(secret.getBytes(StandardCharsets.UTF_8)));
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
