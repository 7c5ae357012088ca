package io.orderbook.domain.properties;

import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.engine.EngineEvent.CommandRejected;
import io.orderbook.domain.engine.EngineEvent.OrderAmended;
import io.orderbook.domain.engine.EngineEvent.OrderCancelled;
import io.orderbook.domain.engine.EngineEvent.OrderClosed;
import io.orderbook.domain.engine.EngineEvent.OrderExpired;
import io.orderbook.domain.engine.EngineEvent.TradeExecuted;
import io.orderbook.domain.engine.MatchingEngine;
import io.orderbook.domain.model.RejectReason;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

/**
 * The generated streams are only as good as what they reach: this checks that, across a batch of streams,
 * every kind of outcome the properties are meant to cover actually happens (trades of every order type and
 * time in force, amends that keep and lose priority, self-trade prevention, expiry, takes, closes, halts, and
 * the rejection reasons a stream can provoke).
 */
class CommandStreamCoverageTest {

    @Test
    void streamsReachEveryOutcomeThePropertiesAreAbout() {
        Map<String, Integer> seen = new TreeMap<>();
        qt().withExamples(60).forAll(CommandStreams.streams(50, 400)).checkAssert(stream -> {
            OrderTracker orders = new OrderTracker();
            StreamReplay.run(stream, (command, events, engine) -> tally(command, events, engine, seen, orders));
        });
        System.out.println("Outcomes over 60 generated streams: " + seen);

        assertThat(seen).containsKeys("trade LIMIT GTC", "trade LIMIT IOC", "trade LIMIT FOK", "trade LIMIT GTD",
                "trade MARKET IOC", "trade MARKET FOK", "trade MARKET quote", "trade LIMIT_MAKER GTC",
                "trade LIMIT_MAKER GTD", "trade by TakeOrder", "trade by AmendOrder", "trade by CloseOrder",
                "trade at second best level or deeper", "trade at same level after another maker",
                "amend keeps priority", "amend loses priority", "expired TIME by ExpireOrders",
                "expired TIME while matching", "expired SELF_TRADE_PREVENTION", "expired NOT_FILLED",
                "cancelled USER", "cancelled CLOSE", "closed with closing order", "closed without fill",
                "market halted", "self trade", "market rules changed");
        for (RejectReason reason : List.of(RejectReason.UNKNOWN_MARKET, RejectReason.UNKNOWN_ORDER,
                RejectReason.DUPLICATE_ORDER_ID, RejectReason.INVALID_USER, RejectReason.INVALID_QUANTITY,
                RejectReason.QUANTITY_NOT_LOT_MULTIPLE, RejectReason.INVALID_PRICE,
                RejectReason.PRICE_NOT_TICK_MULTIPLE, RejectReason.PRICE_NOT_ALLOWED,
                RejectReason.QUOTE_AMOUNT_NOT_ALLOWED, RejectReason.BELOW_MIN_NOTIONAL,
                RejectReason.INSUFFICIENT_FUNDS, RejectReason.POST_ONLY_WOULD_TAKE, RejectReason.FOK_NOT_FILLABLE,
                RejectReason.NO_LIQUIDITY, RejectReason.INVALID_TIME_IN_FORCE, RejectReason.INVALID_EXPIRE_TIME,
                RejectReason.EXPIRE_TIME_IN_PAST, RejectReason.CANNOT_TAKE_OWN_ORDER, RejectReason.ALREADY_CLOSED,
                RejectReason.INVALID_AMOUNT, RejectReason.MARKET_HALTED, RejectReason.MARKET_HAS_ORDERS)) {
            assertThat(seen).containsKey("rejected " + reason);
        }
    }

    private static void tally(Command command, List<EngineEvent> events, MatchingEngine engine,
                              Map<String, Integer> seen, OrderTracker orders) {
        long lastMakerPrice = -1;
        for (EngineEvent event : events) {
            switch (event) {
                case TradeExecuted e -> {
                    count(seen, "trade by " + command.getClass().getSimpleName());
                    OrderTracker.TrackedOrder taker = orders.get(e.takerOrderId());
                    OrderTracker.TrackedOrder maker = orders.get(e.makerOrderId());
                    count(seen, "trade " + taker.type + " " + (taker.quoteSized() ? "quote" : taker.timeInForce));
                    count(seen, "trade " + maker.type + " " + maker.timeInForce);
                    if (e.makerUserId() == e.takerUserId()) {
                        count(seen, "self trade");
                    }
                    if (lastMakerPrice >= 0) {
                        count(seen, lastMakerPrice == e.price() ? "trade at same level after another maker"
                                : "trade at second best level or deeper");
                    }
                    lastMakerPrice = e.price();
                }
                case OrderAmended e -> count(seen, e.priorityKept() ? "amend keeps priority" : "amend loses priority");
                case OrderExpired e -> count(seen, "expired " + e.reason()
                        + (e.reason() == EngineEvent.ExpireReason.TIME
                        ? (command instanceof Command.ExpireOrders ? " by ExpireOrders" : " while matching") : ""));
                case OrderCancelled e -> count(seen, "cancelled " + e.reason());
                case OrderClosed e -> count(seen, e.closingOrderId() == 0 ? "closed without fill"
                        : "closed with closing order");
                case CommandRejected e -> {
                    count(seen, "rejected " + e.reason());
                    count(seen, "rejected " + e.reason() + " by " + command.getClass().getSimpleName());
                }
                case EngineEvent.MarketHaltChanged e -> count(seen, e.halted() ? "market halted" : "market resumed");
                case EngineEvent.MarketUpdated e -> count(seen, "market rules changed");
                default -> { }
            }
            orders.onEvent(event);
        }
        count(seen, "open orders summed over commands", engine.openOrderCount());
    }

    private static void count(Map<String, Integer> seen, String what) {
        count(seen, what, 1);
    }

    private static void count(Map<String, Integer> seen, String what, int amount) {
        seen.merge(what, amount, Integer::sum);
    }
}
