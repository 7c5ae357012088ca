package io.orderbook.adapters.kafka;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.orderbook.adapters.http.ApiJson;
import io.orderbook.adapters.http.orders.OrderEventView;
import io.orderbook.adapters.http.orders.OrderViews;
import io.orderbook.application.orders.MarketCatalog;
import io.orderbook.application.orders.TradedMarket;
import io.orderbook.application.trading.CommandResult;
import io.orderbook.domain.engine.EngineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes order events and trades to Kafka so other systems can follow trading, keyed by market symbol (so one
 * market's events stay in order on one partition). Fed by the sequencer's committed batches ({@link #committed},
 * for {@code TradingModule.onCommit}), so nothing is published before it is durable; the sequencer thread only
 * hands the batch over, and one publisher thread converts and sends. Shapes: docs/price-events.md.
 *
 * <p>Publishing follows the commit, it is not part of it: events of batches committed just before a crash may be
 * missing from the topics (the database stays the record). Results replayed for retried requests are not
 * published again.
 */
public final class TradingEventPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TradingEventPublisher.class);
    private static final Object STOP = new Object();

    private final String orderTopic;
    private final String tradeTopic;
    private final OrderViews views;
    private final ObjectMapper json = ApiJson.newObjectMapper();
    private final KafkaProducer<String, String> producer;
    private final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final Counter failures;
    private final Thread publisher;
    private volatile boolean running = true;

    /**
     * Starts the publishing thread.
     *
     * @param bootstrapServers the cluster
     * @param orderTopic       where order events go
     * @param tradeTopic       where trades go
     * @param catalog          resolves market ids to symbols and scales
     * @param registry         where the failure count goes
     */
    public TradingEventPublisher(String bootstrapServers, String orderTopic, String tradeTopic, MarketCatalog catalog,
                                 MeterRegistry registry) {
        this.orderTopic = Objects.requireNonNull(orderTopic, "orderTopic");
        this.tradeTopic = Objects.requireNonNull(tradeTopic, "tradeTopic");
        this.views = new OrderViews(catalog);
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Objects.requireNonNull(bootstrapServers, "bootstrapServers"));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        // Publishing follows the commit and promises no latency: larger, rarer produce requests cost the
        // broker (acks, purgatory, responses per request) much less than a request every few milliseconds.
        p.put(ProducerConfig.LINGER_MS_CONFIG, "50");
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "trading-events");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer());
        this.failures = Counter.builder("trading.events.publish.failures")
                .description("Order and trade events Kafka did not take").register(registry);
        this.publisher = Thread.ofPlatform().name("trading-event-publisher").daemon().start(this::run);
    }

    /**
     * For {@code TradingModule.onCommit}: queues a committed batch; quick, never blocks, never throws.
     *
     * @param batch the results of one group commit
     */
    public void committed(List<CommandResult> batch) {
        if (running) {
            inbox.add(batch);
        }
    }

    /** Publishes what was queued, then closes the producer. */
    @Override
    public void close() {
        if (!running) {
            return;
        }
        running = false;
        inbox.add(STOP);
        try {
            publisher.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        producer.close(Duration.ofSeconds(5));
    }

    private void run() {
        List<Object> work = new ArrayList<>();
        while (true) {
            try {
                work.add(inbox.take());
            } catch (InterruptedException e) {
                return;
            }
            inbox.drainTo(work);
            for (Object item : work) {
                if (item == STOP) {
                    return;
                }
                @SuppressWarnings("unchecked")
                List<CommandResult> batch = (List<CommandResult>) item;
                for (CommandResult result : batch) {
                    if (result.applied()) {
                        publish(result);
                    }
                }
            }
            work.clear();
        }
    }

    private void publish(CommandResult result) {
        for (EngineEvent event : result.events()) {
            try {
                switch (event) {
                    case EngineEvent.TradeExecuted e -> send(tradeTopic, e.marketId(), trade(e));
                    case EngineEvent.OrderAccepted e -> send(orderTopic, e.marketId(), order(e, e.userId()));
                    case EngineEvent.OrderPartiallyFilled e -> send(orderTopic, e.marketId(), order(e, e.userId()));
                    case EngineEvent.OrderFilled e -> send(orderTopic, e.marketId(), order(e, e.userId()));
                    case EngineEvent.OrderCancelled e -> send(orderTopic, e.marketId(), order(e, e.userId()));
                    case EngineEvent.OrderExpired e -> send(orderTopic, e.marketId(), order(e, e.userId()));
                    case EngineEvent.OrderAmended e -> send(orderTopic, e.marketId(), order(e, e.userId()));
                    case EngineEvent.OrderClosed e -> send(orderTopic, -1, order(e, e.userId()));
                    default -> {
                        // Balances, market changes and rejections are not order or trade events.
                    }
                }
            } catch (RuntimeException e) {
                // One bad event must not silence the rest.
                failures.increment();
                LOG.warn("Could not publish {} to Kafka", event.getClass().getSimpleName(), e);
            }
        }
    }

    private void send(String topic, int marketId, ObjectNode value) {
        String key = marketId >= 0 ? views.market(marketId).symbol() : null;
        producer.send(new ProducerRecord<>(topic, key, write(value)), (metadata, failure) -> {
            if (failure != null) {
                failures.increment();
                LOG.warn("Kafka did not take an event for {}", topic, failure);
            }
        });
    }

    private ObjectNode order(EngineEvent event, long userId) {
        OrderEventView view = views.event(event);
        ObjectNode node = json.valueToTree(view);
        node.put("userId", userId);
        return node;
    }

    private ObjectNode trade(EngineEvent.TradeExecuted e) {
        TradedMarket m = views.market(e.marketId());
        ObjectNode node = json.createObjectNode();
        node.put("tradeId", e.tradeId());
        node.put("market", m.symbol());
        node.put("price", views.quoteText(m, e.price()));
        node.put("quantity", views.baseText(m, e.quantity()));
        node.put("quoteQuantity", views.quoteText(m, e.quoteQuantity()));
        node.put("takerSide", e.takerSide().name());
        node.put("makerOrderId", e.makerOrderId());
        node.put("takerOrderId", e.takerOrderId());
        node.put("makerUserId", e.makerUserId());
        node.put("takerUserId", e.takerUserId());
        node.put("makerFee", views.quoteText(m, e.makerFee()));
        node.put("takerFee", views.quoteText(m, e.takerFee()));
        node.put("feeAsset", m.quote().code());
        node.put("time", Instant.ofEpochMilli(e.timestamp()).toString());
        return node;
    }

    private String write(ObjectNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
