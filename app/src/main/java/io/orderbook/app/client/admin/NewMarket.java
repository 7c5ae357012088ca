package io.orderbook.app.client.admin;

import java.util.Objects;

/** A market to list: its symbol ({@code BTC-USDT}), the codes of two existing assets, and its rules. */
public record NewMarket(String symbol, String base, String quote, MarketRules rules) {

    public NewMarket {
        Objects.requireNonNull(rules, "rules");
    }
}
