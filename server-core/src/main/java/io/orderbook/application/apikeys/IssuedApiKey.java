package io.orderbook.application.apikeys;

import java.util.Objects;

/** A key just created or regenerated: its view and, this one time, the full key text. */
public record IssuedApiKey(ApiKeyView key, String plaintext) {

    public IssuedApiKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(plaintext, "plaintext");
    }

    @Override
    public String toString() {
        return "IssuedApiKey[key=" + key + ", plaintext=<redacted>]";
    }
}
