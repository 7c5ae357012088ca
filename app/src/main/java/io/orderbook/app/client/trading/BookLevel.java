package io.orderbook.app.client.trading;

import java.math.BigDecimal;

/** One aggregated price level: total open quantity and how many orders rest there. */
public record BookLevel(BigDecimal price, BigDecimal quantity, int orders) {
}
