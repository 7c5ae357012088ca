package io.orderbook.adapters.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeyCodecTest {

    private final ApiKeyCodec codec = new ApiKeyCodec();

    @Test
    void generated_key_has_marker_prefix_and_256_bit_secret() {
        ApiKeyCodec.IssuedApiKey key = codec.generate();

        assertThat(key.plaintext()).matches("obw_[0-9A-Za-z]{8}_[0-9A-Za-z]{43}").hasSize(ApiKeyCodec.KEY_LENGTH);
        assertThat(key.plaintext()).startsWith("obw_" + key.prefix() + "_");
        assertThat(key.hash()).matches("[0-9a-f]{64}").isEqualTo(ApiKeyCodec.hash(key.plaintext()));
    }

    @Test
    void keys_are_unique() {
        Set<String> prefixes = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            ApiKeyCodec.IssuedApiKey key = codec.generate();
            prefixes.add(key.prefix());
            keys.add(key.plaintext());
        }
        assertThat(keys).hasSize(1_000);
        assertThat(prefixes).hasSize(1_000);
    }

    @Test
    void presented_key_parses_to_its_prefix_and_matches_the_stored_hash() {
        ApiKeyCodec.IssuedApiKey key = codec.generate();

        ApiKeyCodec.PresentedApiKey presented = codec.parse(key.plaintext()).orElseThrow();

        assertThat(presented.prefix()).isEqualTo(key.prefix());
        assertThat(codec.matches(presented, key.hash())).isTrue();
    }

    @Test
    void a_wrong_secret_under_the_right_prefix_does_not_match() {
        ApiKeyCodec.IssuedApiKey key = codec.generate();
        String wrong = key.plaintext().substring(0, key.plaintext().length() - 1) + (key.plaintext().endsWith("a") ? "b" : "a");

        ApiKeyCodec.PresentedApiKey presented = codec.parse(wrong).orElseThrow();

        assertThat(presented.prefix()).isEqualTo(key.prefix());
        assertThat(codec.matches(presented, key.hash())).isFalse();
        assertThat(codec.matches(presented, null)).isFalse();
    }

    @Test
    void another_key_does_not_match() {
        ApiKeyCodec.IssuedApiKey mine = codec.generate();
        ApiKeyCodec.IssuedApiKey other = codec.generate();

        assertThat(codec.matches(codec.parse(other.plaintext()).orElseThrow(), mine.hash())).isFalse();
    }

    @Test
    void regenerated_key_keeps_the_prefix_and_gets_a_new_secret() {
        ApiKeyCodec.IssuedApiKey original = codec.generate();

        ApiKeyCodec.IssuedApiKey regenerated = codec.regenerate(original.prefix());

        assertThat(regenerated.prefix()).isEqualTo(original.prefix());
        assertThat(regenerated.hash()).isNotEqualTo(original.hash());
        assertThat(codec.matches(codec.parse(original.plaintext()).orElseThrow(), regenerated.hash())).isFalse();
        assertThatThrownBy(() -> codec.regenerate("bad_pre")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void text_not_shaped_like_a_key_is_not_parsed() {
        String valid = codec.generate().plaintext();

        assertThat(codec.parse(null)).isEmpty();
        assertThat(codec.parse("")).isEmpty();
        assertThat(codec.parse("Bearer " + valid)).isEmpty();
        assertThat(codec.parse(valid + "x")).isEmpty();
        assertThat(codec.parse(valid.substring(1))).isEmpty();
        assertThat(codec.parse("obx_" + valid.substring(4))).isEmpty();
        assertThat(codec.parse(valid.substring(0, 12) + "-" + valid.substring(13))).isEmpty();
        assertThat(codec.parse(valid.substring(0, 20) + "/" + valid.substring(21))).isEmpty();
    }

    @Test
    void to_string_does_not_reveal_the_key() {
        ApiKeyCodec.IssuedApiKey key = codec.generate();

        assertThat(key.toString()).doesNotContain(key.plaintext()).contains(key.prefix());
    }
}
