package io.orderbook.bootstrap;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * A configured secret (key, password). Its {@link #toString()} never shows the value, so a secret can sit
 * in a config record that gets logged.
 */
public final class Secret {

    private final byte[] bytes;

    private Secret(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * A secret given as text, kept as its UTF-8 bytes.
     *
     * @param text the secret
     * @return the secret
     */
    public static Secret ofText(String text) {
        return new Secret(Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A secret given as raw bytes (e.g. a decoded key).
     *
     * @param bytes the secret; copied, so the caller may wipe its array
     * @return the secret
     */
    public static Secret ofBytes(byte[] bytes) {
        return new Secret(Objects.requireNonNull(bytes, "bytes").clone());
    }

    /**
     * The secret's bytes.
     *
     * @return a copy, which the caller may wipe
     */
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * The secret as text, for APIs that take a password string.
     *
     * @return the bytes decoded as UTF-8
     */
    public String reveal() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The secret's length in bytes. */
    int length() {
        return bytes.length;
    }

    /** Constant-time comparison, so equality checks leak nothing through timing. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && MessageDigest.isEqual(bytes, secret.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "<redacted>";
    }
}
