package io.orderbook.application.orders;

import java.util.List;
import java.util.Optional;

/**
 * Markets and assets by symbol, code and id, for turning requests into commands and results into answers. The
 * matching engine stays the authority on whether a market trades (it refuses unknown and halted markets); the
 * catalog only has to know each market's rules and scales, which never change once a market exists.
 */
public interface MarketCatalog {

    /**
     * The live market with this symbol, if any.
     *
     * @param symbol e.g. {@code BTC-USDT}
     * @return the market, or empty when there is none or it was deleted
     */
    Optional<TradedMarket> bySymbol(String symbol);

    /**
     * The market with this id, deleted ones included (old orders and trades refer to them).
     *
     * @param marketId the market's engine id
     * @return the market, or empty when no market ever had this id
     */
    Optional<TradedMarket> byId(int marketId);

    /**
     * The asset with this code, if any.
     *
     * @param code e.g. {@code BTC}
     * @return the asset, or empty
     */
    Optional<Asset> assetByCode(String code);

    /**
     * The asset with this id, if any.
     *
     * @param assetId the asset's engine id
     * @return the asset, or empty
     */
    Optional<Asset> assetById(int assetId);

    /**
     * Every asset, by id.
     *
     * @return the assets, ordered by id
     */
    List<Asset> assets();

    /** Forgets what is cached, so the next look-up sees markets and assets added or deleted since. */
    void refresh();
}
