package io.orderbook.adapters.conditional;

import io.orderbook.application.conditional.ConditionalOrderChanges;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.api.listener.StatusListener;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ConditionalOrderChanges} on a Redis topic. A message is {@code <instance>:<id>,<id>,...}: plain ids, so a
 * receiver reads the rows again from the database; an instance ignores its own messages.
 */
public final class RedisConditionalOrderChanges implements ConditionalOrderChanges, AutoCloseable {
    /** The topic's name under the client's key prefix. */
    public static final String TOPIC = "conditional-orders:changes";
    private static final Logger LOG = LoggerFactory.getLogger(RedisConditionalOrderChanges.class);

    private final RTopic topic;
    private final String instance = UUID.randomUUID().toString();
    private final List<Integer> listenerIds = new ArrayList<>();

    /**
     * Announces on, and listens to, the topic of this Redis.
     *
     * @param redisson a client with the cluster's key prefix; not shut down here
     */
    public RedisConditionalOrderChanges(RedissonClient redisson) {
        this.topic = Objects.requireNonNull(redisson, "redisson").getTopic(TOPIC, StringCodec.INSTANCE);
    }

    @Override
    public void publish(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder(instance).append(':');
        for (long id : ids) {
            message.append(id).append(',');
        }
        message.setLength(message.length() - 1);
        // Not waited for: a claim is announced from the price consumer's path, and receivers read the rows again
        // whatever order the messages arrive in.
        try {
            topic.publishAsync(message.toString()).whenComplete((receivers, failure) -> {
                if (failure != null) {
                    LOG.error("Could not announce conditional-order changes; other instances pick them up when they"
                            + " next rebuild", failure);
                }
            });
        } catch (RuntimeException e) {
            LOG.error("Could not announce conditional-order changes; other instances pick them up when they next rebuild", e);
        }
    }

    @Override
    public void subscribe(Consumer<Collection<Long>> onChange, Runnable onResubscribe) {
        listenerIds.add(topic.addListener(String.class, (channel, message) -> {
            List<Long> ids = parse(message);
            if (ids != null && !ids.isEmpty()) {
                onChange.accept(ids);
            }
        }));
        listenerIds.add(topic.addListener(new StatusListener() {
            private boolean first = true;

            @Override
            public void onSubscribe(String channel) {
                // The first subscription happens at start, which rebuilds anyway.
                if (!first) {
                    onResubscribe.run();
                }
                first = false;
            }

            @Override
            public void onUnsubscribe(String channel) {
            }
        }));
    }

    /** The ids of another instance's message; null for this instance's own or an unreadable one. */
    private List<Long> parse(String message) {
        int colon = message == null ? -1 : message.lastIndexOf(':');
        if (colon < 0 || message.substring(0, colon).equals(instance)) {
            return null;
        }
        List<Long> ids = new ArrayList<>();
        try {
            for (String id : message.substring(colon + 1).split(",")) {
                ids.add(Long.parseLong(id));
            }
        } catch (NumberFormatException e) {
            LOG.warn("Ignoring an unreadable conditional-order change message");
            return null;
        }
        return ids;
    }

    @Override
    public void close() {
        listenerIds.forEach(topic::removeListener);
    }
}
