package io.orderbook.adapters.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RefreshTokensTest {

    private final RefreshTokens tokens = new RefreshTokens();

    @Test
    void issued_token_is_opaque_256_bit_and_stored_as_its_hash() {
        RefreshTokens.IssuedRefreshToken issued = tokens.issue();

        assertThat(issued.token()).matches("obr_[0-9A-Za-z]{43}");
        assertThat(issued.hash()).matches("[0-9a-f]{64}").isEqualTo(RefreshTokens.hash(issued.token())).doesNotContain(issued.token());
        assertThat(tokens.isWellFormed(issued.token())).isTrue();
    }

    @Test
    void tokens_differ_and_only_the_right_one_matches() {
        RefreshTokens.IssuedRefreshToken first = tokens.issue();
        RefreshTokens.IssuedRefreshToken second = tokens.issue();

        assertThat(first.token()).isNotEqualTo(second.token());
        assertThat(RefreshTokens.matches(first.token(), first.hash())).isTrue();
        assertThat(RefreshTokens.matches(second.token(), first.hash())).isFalse();
        assertThat(RefreshTokens.matches(null, first.hash())).isFalse();
    }

    @Test
    void malformed_tokens_are_recognised() {
        String token = tokens.issue().token();

        assertThat(tokens.isWellFormed(null)).isFalse();
        assertThat(tokens.isWellFormed(token.substring(1))).isFalse();
        assertThat(tokens.isWellFormed(token.replace("obr_", "obw_"))).isFalse();
        assertThat(tokens.isWellFormed(token.substring(0, 10) + "!" + token.substring(11))).isFalse();
    }

    @Test
    void to_string_does_not_reveal_the_token() {
        RefreshTokens.IssuedRefreshToken issued = tokens.issue();

        assertThat(issued.toString()).doesNotContain(issued.token());
    }
}
