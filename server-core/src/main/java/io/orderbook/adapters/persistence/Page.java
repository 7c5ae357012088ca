package io.orderbook.adapters.persistence;

import java.util.List;
import java.util.function.Function;

/**
 * One slice of an ordered result plus the total number of matching rows.
 *
 * @param items   the rows of this slice, in order
 * @param total   how many rows match in all
 * @param request the slice that was asked for
 */
public record Page<T>(List<T> items, long total, PageRequest request) {

    public Page {
        items = List.copyOf(items);
    }

    /** Whether rows follow this slice. */
    public boolean hasNext() {
        return request.offset() + items.size() < total;
    }

    /** The same page with each item converted, e.g. from a row to an API view. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total, request);
    }
}
