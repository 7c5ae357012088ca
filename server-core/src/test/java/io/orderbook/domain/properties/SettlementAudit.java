package io.orderbook.domain.properties;

import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.engine.EngineEvent.BalanceAdjusted;
import io.orderbook.domain.engine.EngineEvent.TradeExecuted;
import io.orderbook.domain.engine.Ledger;
import io.orderbook.domain.engine.MatchingEngine;
import io.orderbook.domain.model.Market;
import io.orderbook.domain.model.Side;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Balances follow from the events: every user's holding of an asset (available plus locked) equals what its
 * adjustments and trades add up to, each trade moving the base from seller to buyer and the quote the other
 * way, with fees of exactly {@code floor(value * rate / 10^6)} of the market's maker and taker rates going to
 * the fee account.
 */
final class SettlementAudit implements StreamAudit {
    private static final String KIND = "settlement";
    private static final BigInteger PPM = BigInteger.valueOf(Market.PPM);
    private final OrderTracker orders = new OrderTracker();
    private final Map<List<Long>, Long> holdings = new HashMap<>();

    @Override
    public void after(Command command, List<EngineEvent> events, MatchingEngine engine) {
        for (EngineEvent event : events) {
            orders.onEvent(event);
            switch (event) {
                case BalanceAdjusted e -> add(e.userId(), e.asset(), e.amount());
                case TradeExecuted e -> settle(e, engine.market(e.marketId()).orElseThrow());
                default -> { }
            }
        }
        for (Map.Entry<List<Long>, Long> expected : holdings.entrySet()) {
            long user = expected.getKey().get(0);
            int asset = expected.getKey().get(1).intValue();
            long actual = engine.ledger().available(user, asset) + engine.ledger().locked(user, asset);
            PropertyViolation.check(actual == expected.getValue(), KIND, "user " + user + " holds " + actual
                    + " of asset " + asset + " but adjustments and trades give " + expected.getValue());
        }
        for (Ledger.Balance balance : engine.ledger().balances()) {
            PropertyViolation.check(holdings.containsKey(List.of(balance.userId(), (long) balance.asset())), KIND,
                    balance + " appeared without any adjustment or trade");
        }
    }

    private void settle(TradeExecuted trade, Market market) {
        long makerFee = fee(trade.quoteQuantity(), market.makerFeePpm());
        long takerFee = fee(trade.quoteQuantity(), market.takerFeePpm());
        PropertyViolation.check(trade.makerFee() == makerFee && trade.takerFee() == takerFee, KIND,
                trade + " fees should be maker " + makerFee + ", taker " + takerFee);
        boolean takerBuys = trade.takerSide() == Side.BUY;
        long buyer = takerBuys ? trade.takerUserId() : trade.makerUserId();
        long seller = takerBuys ? trade.makerUserId() : trade.takerUserId();
        long buyerFee = takerBuys ? takerFee : makerFee;
        long sellerFee = takerBuys ? makerFee : takerFee;
        add(buyer, market.baseAsset(), trade.quantity());
        add(buyer, market.quoteAsset(), -(trade.quoteQuantity() + buyerFee));
        add(seller, market.baseAsset(), -trade.quantity());
        add(seller, market.quoteAsset(), trade.quoteQuantity() - sellerFee);
        add(Ledger.FEE_ACCOUNT, market.quoteAsset(), makerFee + takerFee);
    }

    private static long fee(long value, int ppm) {
        return BigInteger.valueOf(value).multiply(BigInteger.valueOf(ppm)).divide(PPM).longValueExact();
    }

    private void add(long user, int asset, long amount) {
        holdings.merge(List.of(user, (long) asset), amount, Math::addExact);   // a single holding always fits a long
    }
}
