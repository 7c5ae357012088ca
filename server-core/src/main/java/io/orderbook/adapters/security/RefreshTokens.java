package io.orderbook.adapters.security;

import java.security.SecureRandom;
import java.util.Objects;

/**
 * Opaque refresh tokens: {@code obr_} plus 256 random bits in Base62. The server keeps only the SHA-256
 * hash, looks a presented token up by {@link #hash}, and rotates it on every use.
 */
public final class RefreshTokens {

    private static final String TOKEN_MARKER = "obr_";
    private static final int TOKEN_BYTES = 32;
    private static final int TOKEN_LENGTH = TOKEN_MARKER.length() + Base62.widthFor(TOKEN_BYTES);

    private final SecureRandom random;

    /**
     * A new token: hand {@code token} to the client once, store {@code hash}.
     *
     * @param token the token text, {@code obr_} and 43 Base62 characters
     * @param hash  its stored form, see {@link RefreshTokens#hash}
     */
    public record IssuedRefreshToken(String token, String hash) {
        @Override
        public String toString() {
            return "IssuedRefreshToken[token=<redacted>, hash=" + hash + "]";
        }
    }

    RefreshTokens() {
        this(new SecureRandom());
    }

    /**
     * Tokens drawn from {@code random}.
     *
     * @param random the source of the tokens' 256 random bits
     */
    public RefreshTokens(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** {@return a new random token and its hash} */
    public IssuedRefreshToken issue() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = TOKEN_MARKER + Base62.encode(bytes);
        return new IssuedRefreshToken(token, hash(token));
    }

    /**
     * Checks the shape of a presented token before it is hashed and looked up.
     *
     * @param presented the text a client sent, or {@code null}
     * @return whether it has the shape of a refresh token
     */
    public boolean isWellFormed(String presented) {
        return presented != null && presented.length() == TOKEN_LENGTH && presented.startsWith(TOKEN_MARKER)
                && Base62.isBase62(presented.substring(TOKEN_MARKER.length()));
    }

    /**
     * The stored form of a token: lowercase hex SHA-256. Look tokens up by this value.
     *
     * @param token the token text
     * @return the lowercase hex digest
     */
    public static String hash(String token) {
        return SecretDigests.sha256Hex(token);
    }

    /**
     * Compares a presented token with a stored hash, in constant time.
     *
     * @param presentedToken the token a client sent, or {@code null}
     * @param storedHash     the stored hash
     * @return whether the token hashes to {@code storedHash}
     */
    public static boolean matches(String presentedToken, String storedHash) {
        return presentedToken != null && SecretDigests.sameDigest(hash(presentedToken), storedHash);
    }
}
