package io.orderbook.bootstrap;

import io.orderbook.adapters.kafka.SimulatedToken;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where server-core meets Kafka: the broker, the price-event topics it consumes and the order and trade topics it
 * publishes, and the price simulator. Part of {@link ServerConfig}.
 *
 * @param bootstrapServers         an external cluster ({@code host:port[,host:port...]}), or empty for the broker
 *                                 the server runs itself under {@code DATA_DIR/kafka}
 * @param priceTopic               the topic price events are read from
 * @param priceDeadLetterTopic     where malformed and stale price events go, with the reason in a header
 * @param priceConsumerGroup       the consumer group of every server instance reading prices
 * @param priceMaxAge              a price event older than this when read is stale
 * @param orderEventsTopic         where order events are published, keyed by market symbol
 * @param tradeEventsTopic         where trades are published, keyed by market symbol
 * @param simulatorEnabled         whether to run the price simulator; empty: only with the embedded broker
 * @param simulatorTokens          the tokens the simulator prices, with start price and volatility
 * @param simulatorEventsPerSecond how many price events a second the simulator publishes over all its tokens
 */
public record KafkaSettings(Optional<String> bootstrapServers, String priceTopic, String priceDeadLetterTopic,
                            String priceConsumerGroup, Duration priceMaxAge, String orderEventsTopic,
                            String tradeEventsTopic, Optional<Boolean> simulatorEnabled,
                            List<SimulatedToken> simulatorTokens, int simulatorEventsPerSecond) {

    public static final String DEFAULT_PRICE_TOPIC = "token-prices";
    public static final String DEFAULT_PRICE_DEAD_LETTER_TOPIC = "token-prices.dlq";
    public static final String DEFAULT_PRICE_CONSUMER_GROUP = "orderbook-prices";
    public static final Duration DEFAULT_PRICE_MAX_AGE = Duration.ofSeconds(60);
    public static final String DEFAULT_ORDER_EVENTS_TOPIC = "order-events";
    public static final String DEFAULT_TRADE_EVENTS_TOPIC = "trade-events";
    /** Three tokens with the scale and a plausible per-second volatility of each. */
    public static final List<SimulatedToken> DEFAULT_SIMULATOR_TOKENS = List.of(
            SimulatedToken.parse("BTC:65000.00:0.0005"),
            SimulatedToken.parse("ETH:3200.00:0.0007"),
            SimulatedToken.parse("SOL:150.000:0.001"));
    public static final int DEFAULT_SIMULATOR_EVENTS_PER_SECOND = 10;

    /**
     * Checks that every component is present and copies the token list.
     *
     * @throws NullPointerException if a component is null
     */
    public KafkaSettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(priceTopic, "priceTopic");
        Objects.requireNonNull(priceDeadLetterTopic, "priceDeadLetterTopic");
        Objects.requireNonNull(priceConsumerGroup, "priceConsumerGroup");
        Objects.requireNonNull(priceMaxAge, "priceMaxAge");
        Objects.requireNonNull(orderEventsTopic, "orderEventsTopic");
        Objects.requireNonNull(tradeEventsTopic, "tradeEventsTopic");
        Objects.requireNonNull(simulatorEnabled, "simulatorEnabled");
        simulatorTokens = List.copyOf(simulatorTokens);
    }

    /** Whether the server runs its own broker. */
    boolean usesEmbeddedBroker() {
        return bootstrapServers.isEmpty();
    }

    /** Whether the simulator runs: as configured, else only with the embedded broker (nothing else feeds it). */
    boolean runsSimulator() {
        return simulatorEnabled.orElse(usesEmbeddedBroker());
    }
}
