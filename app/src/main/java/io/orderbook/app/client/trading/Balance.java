package io.orderbook.app.client.trading;

import java.math.BigDecimal;

/** The user's balance of one asset, in whole units. */
public record Balance(String asset, BigDecimal available, BigDecimal locked) {

    /** Available plus locked. */
    public BigDecimal total() {
        return available.add(locked);
    }
}
