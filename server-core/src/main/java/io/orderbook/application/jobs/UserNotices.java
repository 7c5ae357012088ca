package io.orderbook.application.jobs;

import java.util.Map;

/** Tells a user something on their live stream, wherever in the cluster they are connected. */
@FunctionalInterface
public interface UserNotices {

    /** Sends {@code message} (a JSON object with a {@code type}) to every stream of {@code userId}; best effort. */
    void tell(long userId, Map<String, Object> message);
}
