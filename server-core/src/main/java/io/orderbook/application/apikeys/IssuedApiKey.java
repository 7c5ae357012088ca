package io.orderbook.application.apikeys;

import java.util.Objects;

/**
 * A key just created or regenerated: its view and, this one time, the full key text.
 *
 * @param key       the key's settings and status
 * @param plaintext the full key text; only its hash is stored, so it cannot be shown again
 */
public record IssuedApiKey(ApiKeyView key, String plaintext) {

    /**
     * Checks that both parts are present.
     *
     * @throws NullPointerException if {@code key} or {@code plaintext} is null
     */
    public IssuedApiKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(plaintext, "plaintext");
    }

    @Override
    public String toString() {
        return "IssuedApiKey[key=" + key + ", plaintext=<redacted>]";
    }
}
