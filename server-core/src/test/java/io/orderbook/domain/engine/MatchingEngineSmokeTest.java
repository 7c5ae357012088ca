package io.orderbook.domain.engine;

import io.orderbook.domain.engine.Command.AdjustBalance;
import io.orderbook.domain.engine.Command.PlaceOrder;
import io.orderbook.domain.engine.EngineEvent.TradeExecuted;
import io.orderbook.domain.model.Market;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.Side;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MatchingEngineSmokeTest {

    @Test
    void limitOrdersCrossAtTheMakersPriceAndSettleWithFees() {
        List<EngineEvent> events = new ArrayList<>();
        MatchingEngine engine = new MatchingEngine(events::add);
        // BTC (8 decimals) priced in USDT (6 decimals): tick 0.01 USDT, lot 0.0001 BTC.
        engine.addMarket(new Market(1, "BTC-USDT", 1, 2, 8, 10_000, 10_000, 1_000_000, 1_000, 2_000,
                SelfTradePrevention.NONE));
        engine.apply(new AdjustBalance(1, 11, 2, 1_000_000_000_000L));
        engine.apply(new AdjustBalance(1, 12, 1, 100_000_000L));

        engine.apply(PlaceOrder.limit(2, 100, 12, 1, Side.SELL, 50_000_000_000L, 10_000_000L)); // 0.1 BTC @ 50000
        engine.apply(PlaceOrder.limit(3, 101, 11, 1, Side.BUY, 51_000_000_000L, 4_000_000L));  // 0.04 BTC @ 51000

        TradeExecuted trade = events.stream().filter(TradeExecuted.class::isInstance).map(TradeExecuted.class::cast)
                .findFirst().orElseThrow();
        assertThat(trade.price()).isEqualTo(50_000_000_000L);
        assertThat(trade.quantity()).isEqualTo(4_000_000L);
        assertThat(trade.quoteQuantity()).isEqualTo(2_000_000_000L); // 2000 USDT
        assertThat(trade.takerFee()).isEqualTo(4_000_000L);         // 0.2%
        assertThat(trade.makerFee()).isEqualTo(2_000_000L);         // 0.1%
        assertThat(engine.ledger().available(11, 1)).isEqualTo(4_000_000L);
        assertThat(engine.ledger().available(11, 2)).isEqualTo(1_000_000_000_000L - 2_004_000_000L);
        assertThat(engine.ledger().available(12, 2)).isEqualTo(1_998_000_000L);
        assertThat(engine.ledger().locked(12, 1)).isEqualTo(6_000_000L);
        assertThat(engine.ledger().available(Ledger.FEE_ACCOUNT, 2)).isEqualTo(6_000_000L);
        engine.validate();
        assertThat(MatchingEngine.restore(engine.snapshot(), EventSink.NONE).stateHash()).isEqualTo(engine.stateHash());
    }
}
