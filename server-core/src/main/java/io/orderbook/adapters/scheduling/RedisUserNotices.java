package io.orderbook.adapters.scheduling;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderbook.adapters.websocket.TradingStreams;
import io.orderbook.application.jobs.UserNotices;
import java.util.Map;
import java.util.Objects;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link UserNotices} for a cluster: a notice is published on a Redis topic, and every instance that
 * {@linkplain #deliverTo delivers} hands it to its own {@link TradingStreams}, which sends it to the user's sessions
 * connected there. A user connected to no instance misses it (notices are not stored).
 */
public final class RedisUserNotices implements UserNotices {

    private static final Logger LOG = LoggerFactory.getLogger(RedisUserNotices.class);
    private static final TypeReference<Notice> NOTICE = new TypeReference<>() {
    };

    private final ObjectMapper json = new ObjectMapper();
    private final RTopic topic;

    /**
     * Notices on the cluster's Redis topic {@code jobs:user-notices}.
     *
     * @param redisson the client shared by every instance
     */
    public RedisUserNotices(RedissonClient redisson) {
        this.topic = Objects.requireNonNull(redisson, "redisson").getTopic("jobs:user-notices", StringCodec.INSTANCE);
    }

    /**
     * Hands every notice of the cluster to this instance's streams.
     *
     * @param streams this instance's streams, which send a notice to the user's sessions connected here
     * @return a handle whose {@code close()} stops the delivery
     */
    public AutoCloseable deliverTo(TradingStreams streams) {
        Objects.requireNonNull(streams, "streams");
        int listener = topic.addListener(String.class, (channel, text) -> {
            try {
                Notice notice = json.readValue(text, NOTICE);
                streams.tellUser(notice.userId(), notice.message());
            } catch (JsonProcessingException | RuntimeException e) {
                LOG.warn("Ignoring a user notice that could not be delivered", e);
            }
        });
        return () -> topic.removeListener(listener);
    }

    @Override
    public void tell(long userId, Map<String, Object> message) {
        try {
            topic.publish(json.writeValueAsString(new Notice(userId, message)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("a notice must be JSON", e);
        }
    }

    /** What travels on the topic. */
    record Notice(long userId, Map<String, Object> message) {
    }
}
