package io.orderbook.adapters.http.markets;

import io.orderbook.application.markets.AssetView;
import java.time.Instant;

/** An asset ({@code Asset}). */
record AssetResponse(String code, int scale, Instant createdAt) {

    static AssetResponse of(AssetView asset) {
        return new AssetResponse(asset.code(), asset.scale(), asset.createdAt());
    }
}
