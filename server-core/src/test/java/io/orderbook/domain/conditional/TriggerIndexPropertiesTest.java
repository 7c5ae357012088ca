package io.orderbook.domain.conditional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.orderbook.domain.model.Side;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * {@link TriggerIndex} against a naive scan of every armed order: after any sequence of arming, disarming and
 * prices, both fire the same orders at the same prices and report the same current triggers.
 */
class TriggerIndexPropertiesTest {

    @Test
    void firesExactlyWhatANaiveScanFires() {
        qt().withExamples(400).forAll(lists().of(integers().between(0, Integer.MAX_VALUE)).ofSizeBetween(1, 400))
                .checkAssert(TriggerIndexPropertiesTest::replay);
    }

    @Test
    void manyTrailingStopsArmedAtFallingPricesMergeAsThePriceRises() {
        TriggerIndex index = new TriggerIndex();
        NaiveIndex naive = new NaiveIndex();
        long id = 1;
        for (long price = 10_000; price > 9_000; price -= 7) {
            assertThat(index.onPrice(price)).isEqualTo(naive.onPrice(price));
            TriggerRule rule = new TriggerRule.Trailing(Side.SELL, TrailingOffset.AMOUNT, 2_000 + id % 50, price);
            index.arm(id, rule);
            naive.arm(id, rule);
            id++;
        }
        for (long price = 9_000; price < 12_000; price += 13) {
            assertThat(index.onPrice(price)).isEqualTo(naive.onPrice(price));
        }
        assertThat(index.onPrice(9_900)).isEqualTo(naive.onPrice(9_900)).hasSize((int) id - 1);
        assertThat(index.size()).isZero();
    }

    /** Decodes each number into one step: arm a fixed trigger, arm a trailing stop, disarm, or a price. */
    private static void replay(List<Integer> steps) {
        TriggerIndex index = new TriggerIndex();
        NaiveIndex naive = new NaiveIndex();
        long nextId = 1;
        long lastPrice = 0;
        for (int step : steps) {
            int op = step % 10;
            int arg = step / 10;
            if (op <= 3) {
                TriggerDirection direction = (arg & 1) == 0 ? TriggerDirection.AT_OR_BELOW : TriggerDirection.AT_OR_ABOVE;
                TriggerRule rule = new TriggerRule.Fixed(direction, 80 + (arg >> 1) % 41);
                index.arm(nextId, rule);
                naive.arm(nextId++, rule);
            } else if (op <= 5) {
                Side side = (arg & 1) == 0 ? Side.SELL : Side.BUY;
                TrailingOffset offset = (arg & 2) == 0 ? TrailingOffset.AMOUNT : TrailingOffset.PERCENT;
                long distance = offset == TrailingOffset.AMOUNT ? 1 + (arg >> 2) % 12 : 1 + (arg >> 2) % 150_000;
                long best = (arg & 4) == 0 ? 0 : lastPrice;
                TriggerRule rule = new TriggerRule.Trailing(side, offset, distance, best);
                index.arm(nextId, rule);
                naive.arm(nextId++, rule);
            } else if (op == 6) {
                long id = 1 + arg % nextId;
                assertThat(index.disarm(id)).isEqualTo(naive.disarm(id));
            } else {
                long price = 80 + arg % 41;
                lastPrice = price;
                assertThat(index.onPrice(price)).as("fired at %d", price).isEqualTo(naive.onPrice(price));
            }
            assertThat(index.size()).isEqualTo(naive.rules.size());
            for (long id : naive.rules.keySet()) {
                assertThat(index.currentTrigger(id)).as("trigger of %d", id).isEqualTo(naive.trigger(id));
            }
        }
    }

    /** The reference: every armed order in a map, every price checked against each. */
    private static final class NaiveIndex {
        final Map<Long, TriggerRule> rules = new TreeMap<>();

        void arm(long id, TriggerRule rule) {
            rules.put(id, rule);
        }

        boolean disarm(long id) {
            return rules.remove(id) != null;
        }

        Long trigger(long id) {
            return switch (rules.get(id)) {
                case TriggerRule.Fixed f -> f.price();
                case TriggerRule.Trailing t -> t.best() == 0 ? null : t.offset().trigger(t.side(), t.best(), t.distance());
            };
        }

        List<Long> onPrice(long price) {
            List<Long> fired = new ArrayList<>();
            for (Long id : new ArrayList<>(rules.keySet())) {
                boolean fires = switch (rules.get(id)) {
                    case TriggerRule.Fixed f -> f.direction().reached(f.price(), price);
                    case TriggerRule.Trailing t -> {
                        long best = t.best() == 0 ? price
                                : t.side() == Side.SELL ? Math.max(t.best(), price) : Math.min(t.best(), price);
                        rules.put(id, new TriggerRule.Trailing(t.side(), t.offset(), t.distance(), best));
                        long trigger = t.offset().trigger(t.side(), best, t.distance());
                        yield t.side() == Side.SELL ? price <= trigger : price >= trigger;
                    }
                };
                if (fires) {
                    fired.add(id);
                    rules.remove(id);
                }
            }
            return fired;
        }
    }
}
