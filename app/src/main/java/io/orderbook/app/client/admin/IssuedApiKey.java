package io.orderbook.app.client.admin;

import java.util.Objects;

/**
 * A key just created or regenerated, with its full text: the only time the server ever shows it.
 *
 * @param secret the whole key, {@code obw_<prefix>_<secret>}
 */
public record IssuedApiKey(ApiKeyInfo key, String secret) {

    public IssuedApiKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "IssuedApiKey[key=" + key + ", secret=<redacted>]";
    }
}
