package io.orderbook.adapters.http.apikeys;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.orderbook.application.apikeys.IssuedApiKey;

/**
 * The JSON of a key just created or regenerated ({@code ApiKeyCreated}): the key's fields plus {@code key},
 * the full key text, which this response is the only one to contain.
 */
@JsonPropertyOrder({"key"})
record ApiKeyCreatedResponse(String key, @JsonUnwrapped ApiKeyResponse apiKey) {

    public static ApiKeyCreatedResponse of(IssuedApiKey issued) {
        return new ApiKeyCreatedResponse(issued.plaintext(), ApiKeyResponse.of(issued.key()));
    }

    @Override
    public String toString() {
        return "ApiKeyCreatedResponse[key=<redacted>, apiKey=" + apiKey + "]";
    }
}
