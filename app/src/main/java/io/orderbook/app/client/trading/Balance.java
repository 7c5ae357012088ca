package io.orderbook.app.client.trading;

import java.math.BigDecimal;

/**
 * The user's balance of one asset, in whole units.
 *
 * @param asset     the asset, e.g. {@code USDT}
 * @param available what the user may spend or withdraw
 * @param locked    what open orders hold
 */
public record Balance(String asset, BigDecimal available, BigDecimal locked) {

    /**
     * The whole balance.
     *
     * @return available plus locked
     */
    public BigDecimal total() {
        return available.add(locked);
    }
}
