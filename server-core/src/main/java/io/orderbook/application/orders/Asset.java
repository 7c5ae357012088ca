package io.orderbook.application.orders;

import java.util.Objects;

/**
 * An asset as trading sees it: its engine id, its code and how many decimal places it has.
 *
 * @param id    the asset's engine id
 * @param code  the asset's ticker code, e.g. {@code BTC}
 * @param scale decimal places: one whole unit is {@code 10^scale} minor units
 */
public record Asset(int id, String code, int scale) {

    /** Checks that a code is given and that the scale is within 0..18. */
    public Asset {
        Objects.requireNonNull(code, "code");
        if (scale < 0 || scale > 18) {
            throw new IllegalArgumentException("scale must be within 0..18");
        }
    }
}
