package io.orderbook.application.markets;

import java.time.Instant;

/**
 * An asset as clients see it.
 *
 * @param id        the engine's id of the asset (balances and orders refer to it)
 * @param code      e.g. {@code BTC}
 * @param scale     decimal places: one whole unit is 10^scale minor units
 * @param createdAt when the asset was added
 */
public record AssetView(int id, String code, int scale, Instant createdAt) {
}
