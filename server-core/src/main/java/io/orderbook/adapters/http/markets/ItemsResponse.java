package io.orderbook.adapters.http.markets;

import java.util.List;

/** A complete list (no paging): {@code {"items": [...]}}. */
public record ItemsResponse<T>(List<T> items) {
}
