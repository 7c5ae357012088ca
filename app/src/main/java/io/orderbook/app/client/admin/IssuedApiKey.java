package io.orderbook.app.client.admin;

import java.util.Objects;

/**
 * A key just created or regenerated, with its full text: the only time the server ever shows it.
 *
 * @param key    the key's settings and state
 * @param secret the whole key, {@code obw_<prefix>_<secret>}
 */
public record IssuedApiKey(ApiKeyInfo key, String secret) {

    /**
     * Checks that both parts are there.
     *
     * @throws NullPointerException if key or secret is null
     */
    public IssuedApiKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(secret, "secret");
    }

    @Override
    public String toString() {
        return "IssuedApiKey[key=" + key + ", secret=<redacted>]";
    }
}
