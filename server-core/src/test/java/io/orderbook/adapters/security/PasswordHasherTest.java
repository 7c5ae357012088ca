package io.orderbook.adapters.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    // A cheap cost keeps the tests fast; the format and the checks are the same as with the default cost.
    private static final PasswordHasher.Cost CHEAP = new PasswordHasher.Cost(64, 1, 1);
    private final PasswordHasher hasher = new PasswordHasher(CHEAP, 2, new SecureRandom());

    @Test
    void hash_is_a_phc_string_with_its_parameters() {
        assertThat(hasher.hash("correct horse battery staple"))
                .matches("\\$argon2id\\$v=19\\$m=64,t=1,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void verifies_the_right_password_and_refuses_a_wrong_one() {
        String stored = hasher.hash("correct horse battery staple");

        assertThat(hasher.verify("correct horse battery staple", stored)).isTrue();
        assertThat(hasher.verify("correct horse battery stapler", stored)).isFalse();
        assertThat(hasher.verify("", stored)).isFalse();
    }

    @Test
    void same_password_gets_a_different_salt_each_time() {
        assertThat(hasher.hash("pw")).isNotEqualTo(hasher.hash("pw"));
    }

    @Test
    void non_ascii_passwords_work() {
        String stored = hasher.hash("pässwörd-密码-🔑");

        assertThat(hasher.verify("pässwörd-密码-🔑", stored)).isTrue();
        assertThat(hasher.verify("passwort-密码-🔑", stored)).isFalse();
    }

    @Test
    void verifies_hashes_made_with_another_cost() {
        PasswordHasher stronger = new PasswordHasher(new PasswordHasher.Cost(128, 2, 1), 1, new SecureRandom());
        String old = hasher.hash("pw");

        assertThat(stronger.verify("pw", old)).isTrue();
    }

    @Test
    void matches_a_known_argon2id_reference_vector() {
        // Made with the reference implementation (small memory, so the test stays fast):
        // echo -n password | argon2 somesalt -id -t 2 -m 8 -p 1 -l 32 -e   (and -p 2)
        String oneLane = "$argon2id$v=19$m=256,t=2,p=1$c29tZXNhbHQ$nf65EOgLrQMR/uIPnA4rEsF5h7TKyQwu9U1bMCHGi/4";
        String twoLanes = "$argon2id$v=19$m=256,t=2,p=2$c29tZXNhbHQ$bQk8UB/VmZZF4Oo79iDXuL5/0ttZwg2f/5U52iv1cDc";

        assertThat(hasher.verify("password", oneLane)).isTrue();
        assertThat(hasher.verify("password", twoLanes)).isTrue();
        assertThat(hasher.verify("Password", oneLane)).isFalse();
    }

    @Test
    void matches_a_reference_vector_for_non_ascii_passwords_encoded_as_utf8() {
        // echo -n "pässwörd" | argon2 saltsaltsalt -id -t 1 -m 6 -p 1 -l 32 -e
        String reference = "$argon2id$v=19$m=64,t=1,p=1$c2FsdHNhbHRzYWx0$mSaXpnZuSU6IJ63dA52MF8lujTUZwl5ewygdLv0aoAE";

        assertThat(hasher.verify("pässwörd", reference)).isTrue();
    }

    @Test
    void refuses_malformed_or_foreign_stored_values() {
        assertThat(hasher.verify("pw", null)).isFalse();
        assertThat(hasher.verify("pw", "")).isFalse();
        assertThat(hasher.verify("pw", "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
        assertThat(hasher.verify("pw", "$argon2i$v=19$m=64,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc")).isFalse();
        assertThat(hasher.verify("pw", "$argon2id$v=19$m=99999999,t=1,p=1$c29tZXNhbHQ$CTFhFdXPJO1aFaMaO6Mm5c8y7cJHAph8ArZWb2GRPPc")).isFalse();
    }

    @Test
    void unknown_users_cost_a_verification_and_never_match() {
        assertThat(hasher.verifyAgainstNothing("anything")).isFalse();
    }

    @Test
    void refuses_absurdly_long_passwords() {
        assertThatThrownBy(() -> hasher.hash("x".repeat(PasswordHasher.MAX_PASSWORD_CHARS + 1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void default_cost_is_owasp_recommended_argon2id() {
        assertThat(PasswordHasher.DEFAULT_COST).isEqualTo(new PasswordHasher.Cost(19_456, 2, 1));
    }
}
