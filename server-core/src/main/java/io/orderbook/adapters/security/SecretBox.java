package io.orderbook.adapters.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts secrets that must be recovered later (such as a market's private key) with AES-256-GCM under
 * a configured 32-byte master key.
 *
 * <p>Sealed form, version 1: {@code [0x01][12-byte random nonce][ciphertext + 16-byte tag]}.
 * The version byte and a caller-chosen context (e.g. {@code "market:42:key"})
 * are authenticated too, so a sealed value cannot be moved to another row or read as another format.
 * Random nonces are safe for far more than the few thousand secrets this will ever hold under one key.
 */
public final class SecretBox {

    /** The master key's length: 256 bits for AES-256. */
    public static final int KEY_BYTES = 32;
    private static final byte VERSION_1 = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int OVERHEAD = 1 + NONCE_BYTES + TAG_BITS / 8;

    private final SecretKeySpec key;
    private final SecureRandom random;

    /** Thrown when a sealed value cannot be opened: wrong key, wrong context, tampered, truncated or unknown version. */
    public static final class UnreadableSecretException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UnreadableSecretException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * A box under the given master key; nonces come from a new {@link SecureRandom}.
     *
     * @param masterKey exactly {@value #KEY_BYTES} bytes; copied, so the caller may wipe its array
     * @throws IllegalArgumentException if the key has another length
     */
    public SecretBox(byte[] masterKey) {
        Objects.requireNonNull(masterKey, "masterKey");
        if (masterKey.length != KEY_BYTES) {
            throw new IllegalArgumentException("the master key must be exactly " + KEY_BYTES + " bytes (AES-256)");
        }
        this.key = new SecretKeySpec(masterKey, "AES");
        this.random = new SecureRandom();
    }

    /**
     * A box whose master key is given as Base64 text, as it comes from configuration.
     *
     * @param base64Key the key in standard or URL-safe Base64; surrounding white space is ignored
     * @return the box
     * @throws IllegalArgumentException if the text is not Base64 or does not decode to {@value #KEY_BYTES} bytes
     */
    public static SecretBox fromBase64Key(String base64Key) {
        Objects.requireNonNull(base64Key, "base64Key");
        String trimmed = base64Key.trim();
        byte[] key = trimmed.contains("-") || trimmed.contains("_")
                ? Base64.getUrlDecoder().decode(trimmed)
                : Base64.getDecoder().decode(trimmed);
        try {
            return new SecretBox(key);
        } finally {
            Arrays.fill(key, (byte) 0);
        }
    }

    /**
     * Encrypts and authenticates the plaintext, bound to the context.
     *
     * @param plaintext the secret
     * @param context   what the value belongs to, e.g. {@code "market:42:key"}; opening needs the same
     * @return the sealed value, {@code 29} bytes longer than the plaintext
     */
    public byte[] seal(byte[] plaintext, String context) {
        Objects.requireNonNull(plaintext, "plaintext");
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associatedData(VERSION_1, context));
            ByteBuffer out = ByteBuffer.allocate(1 + NONCE_BYTES + cipher.getOutputSize(plaintext.length));
            out.put(VERSION_1).put(nonce);
            cipher.doFinal(ByteBuffer.wrap(plaintext), out);
            return out.array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is required of every Java runtime", e);
        }
    }

    /**
     * Decrypts a value made by {@link #seal} with the same key and context.
     *
     * @param sealed  the sealed value
     * @param context the context it was sealed with
     * @return the plaintext
     * @throws UnreadableSecretException if the value does not open under this key and context
     */
    public byte[] open(byte[] sealed, String context) {
        Objects.requireNonNull(sealed, "sealed");
        if (sealed.length < OVERHEAD) throw new UnreadableSecretException("sealed value is truncated", null);
        if (sealed[0] != VERSION_1) throw new UnreadableSecretException("unknown sealed format version " + sealed[0], null);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(associatedData(VERSION_1, context));
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            // AEADBadTagException and friends: wrong key, wrong context or modified bytes.
            throw new UnreadableSecretException("sealed value does not authenticate", e);
        }
    }

    private static byte[] associatedData(byte version, String context) {
        byte[] contextBytes = Objects.requireNonNull(context, "context").getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(1 + contextBytes.length).put(version).put(contextBytes).array();
    }

    @Override
    public String toString() {
        return "SecretBox[key=<redacted>]";
    }
}
