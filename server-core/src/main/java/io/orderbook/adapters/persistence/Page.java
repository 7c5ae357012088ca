package io.orderbook.adapters.persistence;

import java.util.List;
import java.util.function.Function;

/**
 * One slice of an ordered result plus the total number of matching rows.
 *
 * @param items   the rows of this slice, in order
 * @param total   how many rows match in all
 * @param request the slice that was asked for
 * @param <T>     the type of the rows
 */
public record Page<T>(List<T> items, long total, PageRequest request) {

    /** Copies {@code items}, so the page does not change with the caller's list. */
    public Page {
        items = List.copyOf(items);
    }

    /** {@return whether rows follow this slice} */
    public boolean hasNext() {
        return request.offset() + items.size() < total;
    }

    /**
     * The same page with each item converted, e.g. from a row to an API view.
     *
     * @param <R>    the type of the converted items
     * @param mapper the conversion of one item
     * @return a page with the converted items, the same total and the same request
     */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), total, request);
    }
}
