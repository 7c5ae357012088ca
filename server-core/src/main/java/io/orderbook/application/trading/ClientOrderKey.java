package io.orderbook.application.trading;

import java.util.Objects;

/**
 * A client order id together with its user: unique in the whole system.
 *
 * @param userId        the user who owns the order
 * @param clientOrderId the id the user gave the order; never null
 */
public record ClientOrderKey(long userId, String clientOrderId) {

    /**
     * Pairs a client order id with its user.
     *
     * @throws NullPointerException if {@code clientOrderId} is null
     */
    public ClientOrderKey {
        Objects.requireNonNull(clientOrderId, "clientOrderId");
    }
}
