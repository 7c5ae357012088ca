package io.orderbook.app.client.admin;

import java.util.Objects;

/**
 * A market to list.
 *
 * @param symbol its symbol, e.g. {@code BTC-USDT}
 * @param base   the code of the existing asset it trades
 * @param quote  the code of the existing asset its prices are in
 * @param rules  its rules; all but {@code defaultStp} are required
 */
public record NewMarket(String symbol, String base, String quote, MarketRules rules) {

    /**
     * Checks that the rules are there.
     *
     * @throws NullPointerException if rules is null
     */
    public NewMarket {
        Objects.requireNonNull(rules, "rules");
    }
}
