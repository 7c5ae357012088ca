package io.orderbook.adapters.signing;

import io.orderbook.domain.engine.EngineEvent.TradeExecuted;
import io.orderbook.domain.model.Side;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PublicKey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TradeSignaturesTest {
    private final TradeExecuted trade = new TradeExecuted(1_700_000_000_000L, 42, 1, 50_000_000_000L, 4_000_000,
            2_000_000_000L, 100, 12, 101, 11, Side.BUY, 2_000_000, 4_000_000);

    @Test
    void aSignatureVerifiesWithTheMarketsPublicKeyRebuiltFromItsEncoding() {
        KeyPair keys = TradeSignatures.generateKeyPair();
        byte[] signature = TradeSignatures.sign(
                TradeSignatures.privateKey(keys.getPrivate().getEncoded()), "BTC-USDT", trade);

        PublicKey published = TradeSignatures.publicKey(keys.getPublic().getEncoded());
        assertThat(signature).hasSize(64);
        assertThat(TradeSignatures.verify(published, "BTC-USDT", trade, signature)).isTrue();
    }

    @Test
    void anyChangedFactOrAnotherMarketsKeyFailsVerification() {
        KeyPair keys = TradeSignatures.generateKeyPair();
        byte[] signature = TradeSignatures.sign(keys.getPrivate(), "BTC-USDT", trade);
        TradeExecuted otherPrice = new TradeExecuted(trade.timestamp(), 42, 1, 50_000_010_000L, 4_000_000,
                2_000_000_400L, 100, 12, 101, 11, Side.BUY, 2_000_000, 4_000_000);

        assertThat(TradeSignatures.verify(keys.getPublic(), "BTC-USDT", otherPrice, signature)).isFalse();
        assertThat(TradeSignatures.verify(keys.getPublic(), "ETH-USDT", trade, signature)).isFalse();
        assertThat(TradeSignatures.verify(TradeSignatures.generateKeyPair().getPublic(), "BTC-USDT", trade, signature))
                .isFalse();
        signature[0] ^= 1;
        assertThat(TradeSignatures.verify(keys.getPublic(), "BTC-USDT", trade, signature)).isFalse();
    }

    @Test
    void theSignedMessageIsTheDocumentedCanonicalText() {
        assertThat(new String(TradeSignatures.canonicalMessage("BTC-USDT", trade), StandardCharsets.UTF_8))
                .isEqualTo("obw-trade-v1|BTC-USDT|42|50000000000|4000000|2000000000|100|101|BUY|1700000000000");
    }

    @Test
    void malformedKeysAreRefused() {
        assertThatThrownBy(() -> TradeSignatures.publicKey(new byte[]{1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TradeSignatures.privateKey(new byte[]{1, 2, 3}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
