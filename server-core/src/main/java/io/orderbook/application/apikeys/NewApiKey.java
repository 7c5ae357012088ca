package io.orderbook.application.apikeys;

import io.orderbook.adapters.persistence.ApiKeyScope;
import java.time.Instant;
import java.util.List;

/**
 * The settings of a key to create, as a client gave them; {@link ApiKeyService#create} validates every field.
 *
 * @param name              1 to 100 characters after trimming; required
 * @param scope             what the key may do; required
 * @param requestsPerMinute its rate limit, 1 to 100,000 requests a minute; required
 * @param expiresAt         when it stops working, in the future and within the service's maximum lifetime; required
 * @param ipAllowList       null or empty for any address
 */
public record NewApiKey(String name, ApiKeyScope scope, Integer requestsPerMinute, Instant expiresAt, List<String> ipAllowList) {
}
