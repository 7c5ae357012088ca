package io.orderbook.application.apikeys;

import io.orderbook.adapters.persistence.ApiKeyScope;
import java.time.Instant;
import java.util.List;

/**
 * The settings of a key to create, as a client gave them; {@link ApiKeyService#create} validates every field.
 *
 * @param ipAllowList null or empty for any address
 */
public record NewApiKey(String name, ApiKeyScope scope, Integer requestsPerMinute, Instant expiresAt, List<String> ipAllowList) {
}
