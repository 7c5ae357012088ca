package io.orderbook.adapters.http.identity;

import io.orderbook.adapters.persistence.Page;
import java.util.List;
import java.util.function.Function;

/**
 * The JSON of one page: its items and the cursor of the next page (null on the last).
 *
 * @param items      the page's items, in list order
 * @param nextCursor the {@code cursor} for the next page, or null on the last page
 * @param <T>        the item type
 */
public record PageResponse<T>(List<T> items, String nextCursor) {

    /**
     * The response for a page of rows.
     *
     * @param <S>    the row type
     * @param <T>    the item type
     * @param page   the page read from a repository
     * @param toItem turns a row into its JSON item
     * @return the response
     */
    public static <S, T> PageResponse<T> of(
Page<S> page, Function<? super S, ? extends T> toItem) {
        return new PageResponse<>(page.items().stream().<T>map(toItem).toList(), PageParameters.nextCursor(page));
    }
}
