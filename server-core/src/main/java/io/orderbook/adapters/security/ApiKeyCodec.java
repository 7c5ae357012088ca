package io.orderbook.adapters.security;

import java.security.SecureRandom;
import java.util.Objects;
import java.util.Optional;

/**
 * Makes and reads API keys of the form {@code obw_<prefix>_<secret>}: an 8-character visible prefix that
 * identifies the key in lists and logs, and 256 random bits of secret, both Base62.
 *
 * <p>Only {@link #hash} of the whole key is stored. A presented key is looked up by its prefix and then
 * compared by hash in constant time; the plaintext never needs to be kept once the key is shown.
 */
public final class ApiKeyCodec {

    /** Marks the text as an Orderbook Workstation key, so secret scanners and people recognise it. */
    public static final String KEY_MARKER = "obw_";
    public static final int PREFIX_LENGTH = 8;
    private static final int SECRET_BYTES = 32;
    private static final int SECRET_LENGTH = Base62.widthFor(SECRET_BYTES);
    /** Length of every well-formed key: marker, prefix, separator and secret. */
    public static final int KEY_LENGTH = KEY_MARKER.length() + PREFIX_LENGTH + 1 + SECRET_LENGTH;

    private final SecureRandom random;

    /** A freshly made key: show {@code plaintext} to the owner once, store {@code prefix} and {@code hash}. */
    public record IssuedApiKey(String plaintext, String prefix, String hash) {
        @Override
        public String toString() {
            return "IssuedApiKey[prefix=" + prefix + ", plaintext=<redacted>]";
        }
    }

    /** A key as presented by a client, reduced to what the lookup needs: its prefix and the hash to compare. */
    public record PresentedApiKey(String prefix, String hash) {
    }

    public ApiKeyCodec() {
        this(new SecureRandom());
    }

    public ApiKeyCodec(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A new key with a new random prefix. The prefix must be unique; on the (rare) collision, generate again. */
    public IssuedApiKey generate() {
        return withPrefix(Base62.random(random, PREFIX_LENGTH));
    }

    /** A new secret under an existing prefix, for regenerating a key while its identity stays the same. */
    public IssuedApiKey regenerate(String existingPrefix) {
        if (!isPrefix(existingPrefix)) throw new IllegalArgumentException("not an API key prefix");
        return withPrefix(existingPrefix);
    }

    /** Splits a presented key into prefix and hash; empty when the text is not shaped like one of our keys. */
    public Optional<PresentedApiKey> parse(String presented) {
        if (presented == null || presented.length() != KEY_LENGTH || !presented.startsWith(KEY_MARKER)) {
            return Optional.empty();
        }
        int separator = KEY_MARKER.length() + PREFIX_LENGTH;
        if (presented.charAt(separator) != '_') return Optional.empty();
        String prefix = presented.substring(KEY_MARKER.length(), separator);
        String secret = presented.substring(separator + 1);
        if (!Base62.isBase62(prefix) || !Base62.isBase62(secret)) return Optional.empty();
        return Optional.of(new PresentedApiKey(prefix, hash(presented)));
    }

    /** True when the presented key hashes to the stored hash; constant time in the hash comparison. */
    public boolean matches(PresentedApiKey presented, String storedHash) {
        return SecretDigests.sameDigest(presented.hash(), storedHash);
    }

    /** The value to store for a key: hex SHA-256 over the whole key text, so prefix and secret are bound together. */
    public static String hash(String plaintextKey) {
        return SecretDigests.sha256Hex(plaintextKey);
    }

    private static boolean isPrefix(String prefix) {
        return prefix != null && prefix.length() == PREFIX_LENGTH && Base62.isBase62(prefix);
    }

    private IssuedApiKey withPrefix(String prefix) {
        byte[] secret = new byte[SECRET_BYTES];
        random.nextBytes(secret);
        String plaintext = KEY_MARKER + prefix + "_" + Base62.encode(secret);
        return new IssuedApiKey(plaintext, prefix, hash(plaintext));
    }
}
