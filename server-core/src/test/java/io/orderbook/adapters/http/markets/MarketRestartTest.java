package io.orderbook.adapters.http.markets;

import static io.orderbook.adapters.http.markets.MarketHttpTest.tradeOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderbook.adapters.security.SecretBox;
import io.orderbook.adapters.signing.MarketKeyring;
import io.orderbook.adapters.signing.TradeSignatures;
import io.orderbook.application.markets.MarketModule;
import io.orderbook.application.markets.MarketView;
import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.model.RejectReason;
import io.orderbook.domain.model.Side;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import io.orderbook.testsupport.TestRedis;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/**
 * A new sequencer and server on the same database (as after a restart, with a fresh keyring and an emptied
 * Redis) keep every market, its rules, its halt and its key: trades after the restart are signed with the key
 * published before it.
 */
class MarketRestartTest {

    @AutoClose
    static final TestDatabase db = TestEngines.newDatabase();
    @AutoClose
    static final TestRedis redis = TestEngines.newRedis();

    @Test
    void marketsHaltsKeysAndBooksSurviveARestart() throws Exception {
        try (MarketTestServer server = new MarketTestServer(db, redis)) {
            server.asAdmin("POST", "/assets").json(Map.of("code", "RBTC", "scale", 8)).expect(201);
            server.asAdmin("POST", "/assets").json(Map.of("code", "RUSD", "scale", 2)).expect(201);
            int btc = server.markets().service().assets().stream().filter(a -> a.code().equals("RBTC")).findFirst().orElseThrow().id();
            int usd = server.markets().service().assets().stream().filter(a -> a.code().equals("RUSD")).findFirst().orElseThrow().id();
            server.asAdmin("POST", "/markets").json(market("RBTC-RUSD", "0.5")).expect(201);
            // 0.01 RUSD x 0.02 RBTC is not a whole cent.
            server.asAdmin("POST", "/markets").json(market("RBTC-CENT", "0.01")).expect(400);
            server.asAdmin("POST", "/markets").json(Map.of("symbol", "OLD-RUSD", "base", "RBTC", "quote", "RUSD",
                    "tickSize", "1", "lotSize", "1", "minNotional", "0", "makerFee", "0", "takerFee", "0")).expect(201);
            server.asAdmin("POST", "/markets/OLD-RUSD/halt").expect(200);
            server.asAdmin("PATCH", "/markets/RBTC-RUSD").json(Map.of("makerFee", "0.0005")).expect(200);
            JsonNode before = server.asAdmin("GET", "/markets").expect(200);
            MarketView trading = server.markets().service().market("RBTC-RUSD");

            long seller = 9_001;
            long buyer = 9_002;
            server.deposit(seller, btc, 100_000_000);
            server.deposit(buyer, usd, 10_000_000);
            server.apply(Command.PlaceOrder.limit(System.currentTimeMillis(), server.nextOrderId(), seller, trading.id(),
                    Side.SELL, 3_000_050, 50_000_000));
            server.apply(Command.PlaceOrder.limit(System.currentTimeMillis(), server.nextOrderId(), buyer, trading.id(),
                    Side.BUY, 3_000_050, 10_000_000));
            JsonNode bookBefore = server.asAdmin("GET", "/markets/RBTC-RUSD/book").expect(200);

            // As if Redis restarted empty as well (only this test's keys: the server may be shared).
            redis.deleteKeys();
            server.restart();

            assertThat(server.asAdmin("GET", "/markets").expect(200)).isEqualTo(before);
            assertThat(server.asAdmin("GET", "/markets/OLD-RUSD").expect(200).get("halted").asBoolean()).isTrue();
            assertThat(server.asAdmin("GET", "/markets/RBTC-RUSD/book").expect(200)).isEqualTo(bookBefore);
            MarketView old = server.markets().service().market("OLD-RUSD");
            List<EngineEvent> refused = server.apply(Command.PlaceOrder.limit(System.currentTimeMillis(),
                    server.nextOrderId(), buyer, old.id(), Side.BUY, 100, 100_000_000));
            assertThat(refused).singleElement().isInstanceOfSatisfying(EngineEvent.CommandRejected.class,
                    rejected -> assertThat(rejected.reason()).isEqualTo(RejectReason.MARKET_HALTED));

            // A trade after the restart: signed with the key unsealed anew, verified with the key published before.
            server.apply(Command.PlaceOrder.limit(System.currentTimeMillis(), server.nextOrderId(), buyer, trading.id(),
                    Side.BUY, 3_000_050, 20_000_000));
            JsonNode published = before.get("items").get(0);
            assertThat(published.get("symbol").asText()).isEqualTo("OLD-RUSD");
            published = before.get("items").get(1);
            PublicKey key = TradeSignatures.publicKey(Base64.getDecoder().decode(published.get("publicKey").asText()));
            JsonNode trades = server.asTrader("GET", "/markets/RBTC-RUSD/trades").expect(200).get("trades");
            assertThat(trades).hasSize(2);
            for (JsonNode trade : trades) {
                byte[] signature = Base64.getDecoder().decode(trade.get("signature").asText());
                assertThat(TradeSignatures.verify(key, "RBTC-RUSD", tradeOf(trade, published), signature)).isTrue();
            }
            assertThat(trades.get(0).get("price").asText()).isEqualTo("30000.5");
            assertThat(trades.get(0).get("quantity").asText()).isEqualTo("0.2");

            server.asAdmin("POST", "/markets/OLD-RUSD/resume").expect(200);
            assertThat(server.apply(Command.PlaceOrder.limit(System.currentTimeMillis(), server.nextOrderId(), buyer,
                    old.id(), Side.BUY, 100, 100_000_000)).getFirst()).isInstanceOf(EngineEvent.OrderAccepted.class);

            // Started with another master key, the server refuses to run rather than fail every trade.
            MarketKeyring wrong = new MarketKeyring(new SecretBox(new byte[SecretBox.KEY_BYTES]));
            assertThatThrownBy(() -> new MarketModule(db.database(), redis.client(), server.sequencer(), wrong,
                    Clock.systemUTC())).isInstanceOf(IllegalStateException.class).hasMessageContaining("master key");
        }
    }

    /** Rules with this tick (in RUSD), lot 0.02 RBTC, minimum 1 RUSD. */
    private static Map<String, Object> market(String symbol, String tick) {
        return Map.of("symbol", symbol, "base", "RBTC", "quote", "RUSD", "tickSize", tick, "lotSize", "0.02",
                "minNotional", "1", "makerFee", "0.001", "takerFee", "0.002");
    }
}
