package io.orderbook.adapters.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderbook.adapters.http.orders.TradingTestServer;
import io.orderbook.adapters.http.orders.TradingTestServer.Trader;
import io.orderbook.adapters.persistence.jobs.PostgresHousekeeping;
import io.orderbook.adapters.redis.RedisConnector;
import io.orderbook.adapters.scheduling.RedisUserNotices;
import io.orderbook.application.jobs.ApiKeyExpiryJob;
import io.orderbook.testsupport.TestClock;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import io.orderbook.testsupport.TestRedis;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

/**
 * The api-key-expiry job tells the owner on their stream, also when the job runs on another instance than the one
 * the owner is connected to (the notice travels through Redis).
 */
class ApiKeyExpiryNoticeTest {

    @AutoClose
    static final TestDatabase db = TestEngines.newDatabase();
    @AutoClose
    static final TestRedis redis = TestEngines.newRedis();

    @Test
    void theOwnerOfAnExpiredKeyIsToldOnTheirOrdersStreamWhereverTheJobRuns() throws Exception {
        TestClock clock = TestClock.atSystemTime();
        TradingTestServer.installMarkets(db.database());
        RedissonClient jobNode = RedisConnector.connect(redis.url().toString(), redis.keyPrefix());
        try (TradingTestServer server = new TradingTestServer(db.database(), redis.client(), clock,
                settings -> settings.withStreams(Duration.ofSeconds(5), Duration.ZERO));
             AutoCloseable delivery = new RedisUserNotices(redis.client()).deliverTo(server.trading().streams())) {
            Trader owner = server.trader("owner");
            Trader other = server.trader("other");
            server.apiKey(owner, "READ_ONLY");
            try (StreamClient ownerStream = StreamClient.connect(server.port(), "token=" + owner.token());
                 StreamClient otherStream = StreamClient.connect(server.port(), "token=" + other.token())) {
                ownerStream.await("authenticated");
                otherStream.await("authenticated");
                ownerStream.send(Map.of("op", "subscribe", "channel", "orders"));
                otherStream.send(Map.of("op", "subscribe", "channel", "orders"));
                ownerStream.await("subscribed");
                otherStream.await("subscribed");

                clock.advance(Duration.ofDays(2));
                // The job runs on another node: it only publishes; the node the owner is connected to delivers.
                String summary = new ApiKeyExpiryJob(new PostgresHousekeeping(db.database()),
                        new RedisUserNotices(jobNode), clock).run(clock.instant());
                assertThat(summary).isEqualTo("marked 1 key expired");

                JsonNode notice = ownerStream.await("apiKeyExpired");
                assertThat(notice.at("/apiKey/name").asText()).isEqualTo("k");
                assertThat(notice.at("/apiKey/prefix").asText()).isNotEmpty();
                assertThat(notice.toString()).doesNotContain("secret");
            }
        } finally {
            jobNode.shutdown(0, 2, java.util.concurrent.TimeUnit.SECONDS);
        }
    }
}
