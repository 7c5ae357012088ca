package io.orderbook.application.trading;

import java.util.Objects;

/** A client order id together with its user: unique in the whole system. */
public record ClientOrderKey(long userId, String clientOrderId) {

    public ClientOrderKey {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
    }
}
