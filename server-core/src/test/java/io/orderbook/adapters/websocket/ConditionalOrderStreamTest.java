package io.orderbook.adapters.websocket;

import static io.orderbook.adapters.http.orders.TradingTestServer.BTC;
import static io.orderbook.adapters.http.orders.TradingTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderbook.adapters.http.conditional.ConditionalTestServer;
import io.orderbook.adapters.http.orders.TradingTestServer;
import io.orderbook.adapters.http.orders.TradingTestServer.Trader;
import io.orderbook.application.prices.PriceTick;
import io.orderbook.testsupport.TestClock;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import io.orderbook.testsupport.TestRedis;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The owner's {@code orders} stream tells when a conditional order fires or fails; nobody else's does. */
class ConditionalOrderStreamTest {
    @AutoClose static final TestDatabase db = TestEngines.newDatabase();
    @AutoClose static final TestRedis redis = TestEngines.newRedis();
    static final TestClock clock = TestClock.atSystemTime();
    @AutoClose static final ConditionalTestServer server = start();

    private static ConditionalTestServer start() {
        TradingTestServer.installMarkets(db.database());
        return new ConditionalTestServer(db.database(), redis.client(), clock);
    }

    static StreamClient subscribed(Trader trader) {
        StreamClient client = StreamClient.connect(server.trading.port(), "token=" + trader.token());
        client.await("authenticated");
        client.send(Map.of("op", "subscribe", "channel", "orders"));
        client.await("subscribed");
        return client;
    }

    @Test
    void theOwnerHearsThatTheirConditionalOrderFailedAndABystanderDoesNot() {
        Trader owner = server.trading.trader("owner");
        Trader bystander = server.trading.trader("bystander");
        server.trading.deposit(bystander, BTC, "1");
        try (StreamClient ownerStream = subscribed(owner); StreamClient bystanderStream = subscribed(bystander)) {
            HttpResponse<String> created = server.request("POST", "/conditional-orders").as(owner)
                    .json(Map.of("market", "BTC-USDT", "kind", "STOP_LOSS", "side", "SELL", "triggerPrice", "100",
                            "quantity", Map.of("rule", "BASE", "value", "1"))).send();
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            long id = json(created).get("id").asLong();
            server.module.priceObserver().onPrices(List.of(new PriceTick("t1", "BTC-USDT", new BigDecimal("99"),
                    clock.instant(), "test")));
            JsonNode message = ownerStream.await("conditionalOrder");
            assertThat(message.at("/conditionalOrder/id").asLong()).isEqualTo(id);
            assertThat(message.at("/conditionalOrder/status").asText()).isEqualTo("FAILED");
            assertThat(message.at("/conditionalOrder/reason").asText()).isEqualTo("NO_LIQUIDITY"); // the book is empty
            // The bystander's stream carries on with its own business only.
            HttpResponse<String> own = server.trading.request("POST", "/orders").as(bystander)
                    .json(Map.of("market", "BTC-USDT", "side", "SELL", "type", "LIMIT", "price", "90000", "quantity", "0.1"))
                    .send();
            assertThat(own.statusCode()).isEqualTo(201);
            bystanderStream.await("order");
            assertThat(bystanderStream.skipped).noneMatch(m -> m.get("type").asText().equals("conditionalOrder"));
        }
    }
}
