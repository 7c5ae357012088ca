package io.orderbook.adapters.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderbook.application.prices.PriceTick;
import io.orderbook.testsupport.TestKafka;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class PriceSimulatorTest {

    static final List<SimulatedToken> TOKENS = List.of(SimulatedToken.parse("BTC:65000.00:0.0005"),
            SimulatedToken.parse("DOGE:0.123456:0.01"));

    @Test
    void theSameSeedGivesTheSamePricesAtEachTokensScale() {
        PriceWalk a = new PriceWalk(TOKENS, 42);
        PriceWalk b = new PriceWalk(TOKENS, 42);
        PriceWalk other = new PriceWalk(TOKENS, 43);
        List<PriceWalk.Step> fromA = new ArrayList<>();
        List<PriceWalk.Step> fromOther = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            PriceWalk.Step step = a.step(0.1);
            assertThat(step).isEqualTo(b.step(0.1));
            fromA.add(step);
            fromOther.add(other.step(0.1));
        }
        assertThat(fromA).isNotEqualTo(fromOther);
        assertThat(fromA).extracting(PriceWalk.Step::token).startsWith("BTC", "DOGE", "BTC", "DOGE");
        assertThat(fromA).filteredOn(s -> s.token().equals("BTC")).allSatisfy(s -> {
            assertThat(s.price().scale()).isEqualTo(2);
            assertThat(s.price()).isPositive();
        });
        assertThat(fromA).filteredOn(s -> s.token().equals("DOGE"))
                .allSatisfy(s -> assertThat(s.price().scale()).isEqualTo(6));
    }

    @Test
    void pricesMoveWithTheirVolatility() {
        // 0.0005 a second over 500 steps of 0.1 s: a few tenths of a percent, never a jump of 1 % in one step.
        PriceWalk walk = new PriceWalk(List.of(TOKENS.getFirst()), 7);
        BigDecimal previous = new BigDecimal("65000.00");
        int moved = 0;
        for (int i = 0; i < 500; i++) {
            BigDecimal price = walk.step(0.1).price();
            double change = Math.abs(price.doubleValue() / previous.doubleValue() - 1);
            assertThat(change).isLessThan(0.01);
            if (price.compareTo(previous) != 0) {
                moved++;
            }
            previous = price;
        }
        assertThat(moved).isGreaterThan(450);
        assertThat(previous.doubleValue()).isBetween(60000.0, 70000.0);
    }

    @Test
    void publishesValidEventsKeyedByTokenAtTheConfiguredRate() {
        String topic = TestKafka.createTopic(TestKafka.uniqueName("simulated"), 1);
        PriceEventReader reader = new PriceEventReader(Duration.ofMinutes(5), Clock.systemUTC());
        List<ConsumerRecord<String, String>> records;
        try (PriceSimulator simulator = new PriceSimulator(TestKafka.bootstrapServers(), topic, TOKENS, 200, 1,
                Clock.systemUTC()).start()) {
            records = TestKafka.read(topic, 100, Duration.ofSeconds(30));
            assertThat(simulator.published()).isGreaterThanOrEqualTo(100);
        }
        assertThat(records).hasSizeGreaterThanOrEqualTo(100);
        List<PriceTick> ticks = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            PriceEventReader.Outcome outcome = reader.read(record.value().getBytes(StandardCharsets.UTF_8));
            assertThat(outcome).as(record.value()).isInstanceOf(PriceEventReader.Valid.class);
            PriceTick tick = ((PriceEventReader.Valid) outcome).tick();
            assertThat(record.key()).isEqualTo(tick.token());
            assertThat(tick.source()).isEqualTo(PriceSimulator.SOURCE);
            ticks.add(tick);
        }
        assertThat(ticks).extracting(PriceTick::eventId).doesNotHaveDuplicates();
        // 100 events at 200 a second take about half a second, not a burst.
        assertThat(Duration.between(ticks.getFirst().timestamp(), ticks.get(99).timestamp()))
                .isGreaterThan(Duration.ofMillis(300));
        // The published prices are the seeded walk's, in order.
        PriceWalk walk = new PriceWalk(TOKENS, 1);
        for (PriceTick tick : ticks) {
            PriceWalk.Step step = walk.step(2.0 / 200);
            assertThat(tick.token()).isEqualTo(step.token());
            assertThat(tick.price()).isEqualTo(step.price());
        }
    }
}
