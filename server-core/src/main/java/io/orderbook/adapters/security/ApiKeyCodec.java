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
    /** Characters in a key's visible prefix. */
    public static final int PREFIX_LENGTH = 8;
    private static final int SECRET_BYTES = 32;
    private static final int SECRET_LENGTH = Base62.widthFor(SECRET_BYTES);
    /** Length of every well-formed key: marker, prefix, separator and secret. */
    public static final int KEY_LENGTH = KEY_MARKER.length() + PREFIX_LENGTH + 1 + SECRET_LENGTH;

    private final SecureRandom random;

    /**
     * A freshly made key: show {@code plaintext} to the owner once, store {@code prefix} and {@code hash}.
     *
     * @param plaintext the whole key, {@code obw_<prefix>_<secret>}
     * @param prefix    the visible prefix that identifies the key
     * @param hash      the value to store, see {@link ApiKeyCodec#hash}
     */
    public record IssuedApiKey(String plaintext, String prefix, String hash) {
        @Override
        public String toString() {
            return "IssuedApiKey[prefix=" + prefix + ", plaintext=<redacted>]";
        }
    }

    /**
     * A key as presented by a client, reduced to what the lookup needs: its prefix and the hash to compare.
     *
     * @param prefix the visible prefix, to find the stored key by
     * @param hash   the presented key's hash, to compare with the stored one
     */
    public record PresentedApiKey(String prefix, String hash) {
    }

    /** A codec drawing prefixes and secrets from a new {@link SecureRandom}. */
    public ApiKeyCodec() {
        this(new SecureRandom());
    }

    /**
     * A codec drawing prefixes and secrets from {@code random}.
     *
     * @param random the source of prefixes and secrets
     */
    public ApiKeyCodec(SecureRandom random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** {@return a new key with a new random prefix} The prefix must be unique; on the (rare) collision, generate again. */
    public IssuedApiKey generate() {
        return withPrefix(Base62.random(random, PREFIX_LENGTH));
    }

    /**
     * A new secret under an existing prefix, for regenerating a key while its identity stays the same.
     *
     * @param existingPrefix the key's current prefix
     * @return the key with the same prefix and a new secret
     * @throws IllegalArgumentException if {@code existingPrefix} is not shaped like a prefix
     */
    public IssuedApiKey regenerate(String existingPrefix) {
        if (!isPrefix(existingPrefix)) throw new IllegalArgumentException("not an API key prefix");
        return withPrefix(existingPrefix);
    }

    /**
     * Splits a presented key into prefix and hash.
     *
     * @param presented the text a client sent as its key, or {@code null}
     * @return the prefix and hash; empty when the text is not shaped like one of our keys
     */
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

    /**
     * Compares a presented key with a stored one, in constant time in the hash comparison.
     *
     * @param presented  the parsed key a client presented
     * @param storedHash the hash stored for the key with the same prefix
     * @return whether the presented key hashes to {@code storedHash}
     */
    public boolean matches(PresentedApiKey presented, String storedHash) {
        return SecretDigests.sameDigest(presented.hash(), storedHash);
    }

    /**
     * The value to store for a key: hex SHA-256 over the whole key text, so prefix and secret are bound together.
     *
     * @param plaintextKey the whole key text
     * @return the lowercase hex digest
     */
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
