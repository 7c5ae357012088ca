package io.orderbook.adapters.security;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Opaque refresh tokens: {@code obr_} plus 256 random bits in Base62. The server keeps only the SHA-256
 * hash, looks a presented token up by {@link #hash}, and rotates it on every use.
 */
public final class RefreshTokens {

    public static final String TOKEN_MARKER = "obr_";
    private static final int TOKEN_BYTES = 32;
    private static final int TOKEN_LENGTH = TOKEN_MARKER.length() + Base62.widthFor(TOKEN_BYTES);

    private final SecureRandom random;

    /** A new token: hand {@code token} to the client once, store {@code hash}. */
    public record IssuedRefreshToken(String token, String hash) {
        @Override
        public String toString() {
            return "IssuedRefreshToken[token=<redacted>, hash=" + hash + "]";
        }
    }

    public RefreshTokens() {
        this(new SecureRandom());
    }

    public RefreshTokens(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    public IssuedRefreshToken issue() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = TOKEN_MARKER + Base62.encode(bytes);
        return new IssuedRefreshToken(token, hash(token));
    }

    /** True when the text has the shape of a refresh token; check before hashing and looking it up. */
    public boolean isWellFormed(String presented) {
        return presented != null && presented.length() == TOKEN_LENGTH && presented.startsWith(TOKEN_MARKER)
                && Base62.isBase62(presented.substring(TOKEN_MARKER.length()));
    }

    /** The stored form of a token: lowercase hex SHA-256. Look tokens up by this value. */
    public static String hash(String token) {
        return SecretDigests.sha256Hex(token);
    }

    /** True when a presented token hashes to the stored hash; constant time in the comparison. */
    public static boolean matches(String presentedToken, String storedHash) {
        return presentedToken != null && SecretDigests.sameDigest(hash(presentedToken), storedHash);
    }
}
