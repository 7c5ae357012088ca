package io.orderbook.application.prices;

import java.util.Map;
import java.util.Optional;

/** The latest price seen for each token (kept in Redis so every server instance shares it). */
public interface LatestPrices {

    /**
     * The latest price of one token, if any was seen.
     *
     * @param token an asset code or market symbol
     * @return its latest price event, or empty
     */
    Optional<PriceTick> latest(String token);

    /**
     * The latest price of every token seen, by token.
     *
     * @return the latest price events by token
     */
    Map<String, PriceTick> all();
}
