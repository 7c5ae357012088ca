package io.orderbook.adapters.identity;

import io.orderbook.application.auth.CredentialEvents;
import java.util.Objects;
import org.redisson.api.RTopic;
import org.redisson.api.RedissonClient;
import org.redisson.api.listener.StatusListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a credential change hold on every node: the node that made the change drops its own cache
 * entries at once, then publishes the change on a Redis topic to which every node's cache listens.
 *
 * <p>Messages are plain text, {@code user:<id>} or {@code key:<prefix>}, never a secret. A node that
 * (re)subscribes, e.g. after losing its Redis connection, clears its whole cache, because messages sent
 * meanwhile are lost; the cache's time to live bounds any other gap.
 */
public final class CredentialInvalidation implements CredentialEvents, AutoCloseable {

    /** The topic's name under the client's key prefix. */
    public static final String TOPIC = "identity:credential-changes";
    private static final String USER = "user:";
    private static final String KEY = "key:";
    private static final Logger LOG = LoggerFactory.getLogger(CredentialInvalidation.class);

    private final CredentialCache cache;
    private final RTopic topic;
    private final int messageListener;
    private final int statusListener;

    /**
     * Subscribes to the topic before returning, so no change published afterwards is missed.
     *
     * @param redisson the Redis client every node shares the topic through
     * @param cache    this node's cache: changed entries are dropped from it, all of it when the topic is
     *                 (re)subscribed
     */
    public CredentialInvalidation(RedissonClient redisson, CredentialCache cache) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.topic = redisson.getTopic(TOPIC);
        this.messageListener = topic.addListener(String.class, (channel, message) -> apply(message));
        this.statusListener = topic.addListener(new StatusListener() {
            @Override
            public void onSubscribe(String channel) {
                cache.clear();
            }

            @Override
            public void onUnsubscribe(String channel) {
                // Nothing to do: a later onSubscribe clears the cache.
            }
        });
    }

    @Override
    public void userChanged(long userId) {
        cache.userChanged(userId);
        publish(USER + userId);
    }

    @Override
    public void apiKeyChanged(String prefix) {
        cache.apiKeyChanged(Objects.requireNonNull(prefix, "prefix"));
        publish(KEY + prefix);
    }

    void apply(String message) {
        if (message == null) return;
        if (message.startsWith(USER)) {
            try {
                cache.userChanged(Long.parseLong(message.substring(USER.length())));
                return;
            } catch (NumberFormatException e) {
                // fall through to the warning
            }
        } else if (message.startsWith(KEY) && message.length() > KEY.length()) {
            cache.apiKeyChanged(message.substring(KEY.length()));
            return;
        }
        LOG.warn("Ignoring an unreadable credential change message ({} characters)", message.length());
    }

    private void publish(String message) {
        try {
            topic.publish(message);
        } catch (RuntimeException e) {
            // The change is committed and this node's cache is current; other nodes catch up within the cache TTL.
            LOG.error("Could not announce a credential change to the other nodes; they notice it within the cache time to live", e);
        }
    }

    @Override
    public void close() {
        topic.removeListener(messageListener, statusListener);
    }
}
