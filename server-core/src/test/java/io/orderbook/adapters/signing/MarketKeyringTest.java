package io.orderbook.adapters.signing;

import io.orderbook.adapters.security.SecretBox;
import io.orderbook.application.trading.CommandContext.MarketKeys;
import io.orderbook.domain.engine.EngineEvent.TradeExecuted;
import io.orderbook.domain.model.Side;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarketKeyringTest {
    private static final SecretBox BOX = new SecretBox("market-keyring-test-master-key-0".getBytes(StandardCharsets.UTF_8));
    private final TradeExecuted trade = new TradeExecuted(1_700_000_000_000L, 42, 7, 50_000_000_000L, 4_000_000,
            2_000_000_000L, 100, 12, 101, 11, Side.SELL, 2_000_000, 4_000_000);

    @Test
    void aGeneratedKeySignsTradesThatVerifyWithItsPublishedPublicKey() {
        MarketKeyring keyring = new MarketKeyring(BOX);
        MarketKeys keys = keyring.generate(7);

        byte[] signature = keyring.signingKey(7, keys::sealedPrivateKey).sign("SOL-USDT", trade);

        PublicKey published = TradeSignatures.publicKey(keys.publicKey());
        assertThat(TradeSignatures.verify(published, "SOL-USDT", trade, signature)).isTrue();
        assertThat(TradeSignatures.verify(published, "SOL-USDC", trade, signature)).isFalse();
    }

    @Test
    void theFastSignerMakesExactlyTheJdksSignatures() {
        KeyPair pair = TradeSignatures.generateKeyPair();
        MarketSigningKey fast = MarketSigningKey.fromPkcs8(pair.getPrivate().getEncoded());

        assertThat(fast.sign("BTC-USDT", trade)).isEqualTo(TradeSignatures.sign(pair.getPrivate(), "BTC-USDT", trade));
        assertThat(fast.publicKeyX509()).isEqualTo(pair.getPublic().getEncoded());
    }

    @Test
    void theSealedKeyHoldsNoClearTextAndOpensOnlyForItsMarketUnderItsMasterKey() {
        MarketKeys keys = new MarketKeyring(BOX).generate(7);

        assertThatThrownBy(() -> new MarketKeyring(BOX).signingKey(8, keys::sealedPrivateKey))
                .isInstanceOf(SecretBox.UnreadableSecretException.class);
        SecretBox otherMaster = new SecretBox(new byte[SecretBox.KEY_BYTES]);
        assertThatThrownBy(() -> new MarketKeyring(otherMaster).signingKey(7, keys::sealedPrivateKey))
                .isInstanceOf(SecretBox.UnreadableSecretException.class);
        assertThat(keys.toString()).endsWith("sealedPrivateKey=<redacted>]");
    }

    @Test
    void aKeyIsUnsealedOnceAndForgottenWhenTheMarketIsDelisted() {
        MarketKeyring keyring = new MarketKeyring(BOX);
        MarketKeys keys = keyring.generate(7);
        AtomicInteger loads = new AtomicInteger();

        keyring.signingKey(7, () -> {
            loads.incrementAndGet();
            return keys.sealedPrivateKey();
        });
        keyring.signingKey(7, () -> {
            throw new AssertionError("unsealed again");
        });
        assertThat(loads).hasValue(1);
        assertThat(keyring.holds(7)).isTrue();

        keyring.forget(7);
        assertThat(keyring.holds(7)).isFalse();
    }

    @Test
    void somethingElseThanAnEd25519KeyIsRefused() {
        assertThatThrownBy(() -> MarketSigningKey.fromPkcs8(new byte[] {1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
