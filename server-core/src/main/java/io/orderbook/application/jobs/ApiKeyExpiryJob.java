package io.orderbook.application.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Marks the API keys whose expiry has passed and tells each owner on their stream
 * ({@code {"type":"apiKeyExpired","apiKey":{"id":..,"name":..,"prefix":..,"expiresAt":..}}}). Authentication already
 * refuses an expired key; this makes the expiry visible to its owner once.
 */
public final class ApiKeyExpiryJob implements JobTask {

    private final ApiKeyExpiries expiries;
    private final UserNotices notices;
    private final Clock clock;

    /**
     * A job over the given store and notice channel.
     *
     * @param expiries finds and marks the keys whose expiry has passed
     * @param notices  carries each notice to the key's owner
     * @param clock    the current time, compared with the keys' expiries
     */
    public ApiKeyExpiryJob(ApiKeyExpiries expiries, UserNotices notices, Clock clock) {
        this.expiries = Objects.requireNonNull(expiries, "expiries");
        this.notices = Objects.requireNonNull(notices, "notices");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public String run(Instant fireTime) {
        List<ExpiredApiKey> expired = expiries.markExpired(clock.instant());
        for (ExpiredApiKey key : expired) {
            Map<String, Object> apiKey = new LinkedHashMap<>();
            apiKey.put("id", key.keyId());
            apiKey.put("name", key.name());
            apiKey.put("prefix", key.prefix());
            apiKey.put("expiresAt", key.expiresAt().toString());
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("type", "apiKeyExpired");
            message.put("apiKey", apiKey);
            notices.tell(key.userId(), message);
        }
        return "marked " + expired.size() + (expired.size() == 1 ? " key" : " keys") + " expired";
    }
}
