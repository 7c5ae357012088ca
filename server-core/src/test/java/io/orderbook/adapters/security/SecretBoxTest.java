package io.orderbook.adapters.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretBoxTest {

    private static final byte[] KEY = new byte[32];
    private static final byte[] OTHER_KEY = new byte[32];

    static {
        new SecureRandom().nextBytes(KEY);
        new SecureRandom().nextBytes(OTHER_KEY);
    }

    private final SecretBox box = new SecretBox(KEY);

    @Test
    void sealed_secret_opens_with_the_same_key_and_context() {
        byte[] secret = "market 42 private key".getBytes(StandardCharsets.UTF_8);

        byte[] sealed = box.seal(secret, "market:42:key");

        assertThat(sealed[0]).isEqualTo((byte) 1);
        assertThat(sealed).hasSize(1 + 12 + secret.length + 16);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("private key");
        assertThat(box.open(sealed, "market:42:key")).isEqualTo(secret);
    }

    @Test
    void every_seal_uses_a_fresh_nonce() {
        assertThat(box.seal(new byte[] {1}, "ctx")).isNotEqualTo(box.seal(new byte[] {1}, "ctx"));
    }

    @Test
    void wrong_key_cannot_open() {
        byte[] sealed = box.seal(new byte[] {1, 2, 3}, "ctx");

        assertThatThrownBy(() -> new SecretBox(OTHER_KEY).open(sealed, "ctx")).isInstanceOf(SecretBox.UnreadableSecretException.class);
    }

    @Test
    void wrong_context_cannot_open() {
        byte[] sealed = box.seal(new byte[] {1, 2, 3}, "market:1:key");

        assertThatThrownBy(() -> box.open(sealed, "market:2:key")).isInstanceOf(SecretBox.UnreadableSecretException.class);
    }

    @Test
    void any_flipped_bit_is_detected() {
        byte[] sealed = box.seal("secret".getBytes(StandardCharsets.UTF_8), "ctx");
        for (int i = 1; i < sealed.length; i++) {
            byte[] tampered = sealed.clone();
            tampered[i] ^= 0x01;
            assertThatThrownBy(() -> box.open(tampered, "ctx")).isInstanceOf(SecretBox.UnreadableSecretException.class);
        }
    }

    @Test
    void unknown_version_and_truncation_are_refused() {
        byte[] sealed = box.seal("secret".getBytes(StandardCharsets.UTF_8), "ctx");
        byte[] version2 = sealed.clone();
        version2[0] = 2;

        assertThatThrownBy(() -> box.open(version2, "ctx")).hasMessageContaining("version");
        assertThatThrownBy(() -> box.open(new byte[10], "ctx")).hasMessageContaining("truncated");
    }

    @Test
    void master_key_must_be_32_bytes_and_may_come_as_base64() {
        assertThatThrownBy(() -> new SecretBox(new byte[16])).isInstanceOf(IllegalArgumentException.class);

        SecretBox fromText = SecretBox.fromBase64Key(Base64.getEncoder().encodeToString(KEY));
        SecretBox fromUrlText = SecretBox.fromBase64Key(Base64.getUrlEncoder().encodeToString(KEY));

        byte[] sealed = box.seal(new byte[] {7}, "c");
        assertThat(fromText.open(sealed, "c")).containsExactly(7);
        assertThat(fromUrlText.open(sealed, "c")).containsExactly(7);
        assertThat(fromText.toString()).doesNotContain(Base64.getEncoder().encodeToString(KEY));
    }
}
