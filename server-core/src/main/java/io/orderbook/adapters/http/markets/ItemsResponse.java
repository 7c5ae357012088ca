package io.orderbook.adapters.http.markets;

import java.util.List;

/**
 * A complete list (no paging): {@code {"items": [...]}}.
 *
 * @param items every item
 * @param <T>   the item type
 */
public record ItemsResponse<T>(List<T> items) {
}
