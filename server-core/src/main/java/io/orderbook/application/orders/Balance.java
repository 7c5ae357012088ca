package io.orderbook.application.orders;

import java.util.Objects;

/**
 * One user's balance of one asset, in minor units.
 *
 * @param asset     the asset
 * @param available free to spend
 * @param locked    reserved by open orders
 */
public record Balance(Asset asset, long available, long locked) {

    /** Checks that the asset is given. */
    public Balance {
        Objects.requireNonNull(asset, "asset");
    }
}
