package io.orderbook.application.requestlog;

/**
 * Who is reading the request log: administrators see every entry, other users only their own.
 *
 * @param userId the reading user (also when they call with one of their API keys)
 * @param admin  whether the user has the ADMIN role
 */
public record RequestLogViewer(long userId, boolean admin) {
}
