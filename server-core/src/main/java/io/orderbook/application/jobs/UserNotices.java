package io.orderbook.application.jobs;

import java.util.Map;

/** Tells a user something on their live stream, wherever in the cluster they are connected. */
@FunctionalInterface
public interface UserNotices {

    /**
     * Sends {@code message} to every stream of {@code userId}; best effort, nothing is kept for a user who is not
     * connected.
     *
     * @param userId  the user to tell
     * @param message a JSON object, as a map, with a {@code type} entry
     */
    void tell(long userId, Map<String, Object> message);
}
