package io.orderbook.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.orderbook.adapters.http.orders.TradingTestServer;
import io.orderbook.adapters.http.orders.TradingTestServer.Trader;
import io.orderbook.testsupport.TestClock;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import io.orderbook.testsupport.TestKafka;
import io.orderbook.testsupport.TestRedis;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** Order and trade events reach their Kafka topics after a trade, keyed by market, in the documented shapes. */
class TradingEventPublisherTest {

    @AutoClose static final TestDatabase db = TestEngines.newDatabase();
    @AutoClose static final TestRedis redis = TestEngines.newRedis();
    static final TestClock clock = TestClock.atSystemTime();
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aTradePublishesItsOrderEventsAndTheTrade() throws Exception {
        TradingTestServer.installMarkets(db.database());
        String orderTopic = TestKafka.createTopic(TestKafka.uniqueName("orders"), 1);
        String tradeTopic = TestKafka.createTopic(TestKafka.uniqueName("trades"), 1);
        try (TradingTestServer server = new TradingTestServer(db.database(), redis.client(), clock);
             TradingEventPublisher publisher = new TradingEventPublisher(TestKafka.bootstrapServers(), orderTopic,
                     tradeTopic, server.trading().markets(), new SimpleMeterRegistry())) {
            server.trading().onCommit(publisher::committed);
            Trader seller = server.trader("seller");
            Trader buyer = server.trader("buyer");
            server.deposit(seller, TradingTestServer.BTC, "1");
            server.deposit(buyer, TradingTestServer.USDT, "100000");

            long sellId = place(server, seller, "SELL", "50000", "0.5");
            long buyId = place(server, buyer, "BUY", "50000", "0.2");

            List<ConsumerRecord<String, String>> trades = TestKafka.read(tradeTopic, 1, Duration.ofSeconds(30));
            assertThat(trades).hasSize(1);
            assertThat(trades.getFirst().key()).isEqualTo("BTC-USDT");
            JsonNode trade = JSON.readTree(trades.getFirst().value());
            assertThat(trade.get("market").asText()).isEqualTo("BTC-USDT");
            assertThat(trade.get("price").asText()).isEqualTo("50000.000000");
            assertThat(trade.get("quantity").asText()).isEqualTo("0.20000000");
            assertThat(trade.get("makerOrderId").asLong()).isEqualTo(sellId);
            assertThat(trade.get("takerOrderId").asLong()).isEqualTo(buyId);
            assertThat(trade.get("takerSide").asText()).isEqualTo("BUY");
            assertThat(trade.get("tradeId").asLong()).isPositive();

            // Seller: accepted, partially filled; buyer: accepted, filled.
            List<ConsumerRecord<String, String>> orders = TestKafka.read(orderTopic, 4, Duration.ofSeconds(30));
            assertThat(orders).extracting(ConsumerRecord::key).containsOnly("BTC-USDT");
            List<String> events = orders.stream().map(r -> read(r.value()))
                    .map(e -> e.get("orderId").asLong() + ":" + e.get("type").asText() + ":" + e.get("userId").asLong())
                    .toList();
            assertThat(events).containsExactly(
                    sellId + ":ACCEPTED:" + seller.id(),
                    buyId + ":ACCEPTED:" + buyer.id(),
                    sellId + ":PARTIALLY_FILLED:" + seller.id(),
                    buyId + ":FILLED:" + buyer.id());
        }
    }

    private static long place(TradingTestServer server, Trader trader, String side, String price, String quantity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("market", "BTC-USDT");
        body.put("side", side);
        body.put("type", "LIMIT");
        body.put("price", price);
        body.put("quantity", quantity);
        HttpResponse<String> response = server.request("POST", "/orders").as(trader).json(body).send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return TradingTestServer.json(response).at("/order/id").asLong();
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
