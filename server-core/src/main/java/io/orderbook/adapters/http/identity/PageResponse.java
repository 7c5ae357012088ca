package io.orderbook.adapters.http.identity;

import io.orderbook.adapters.persistence.Page;
import java.util.List;
import java.util.function.Function;

/** The JSON of one page: its items and the cursor of the next page (null on the last). */
public record PageResponse<T>(List<T> items, String nextCursor) {

    public static <S, T> PageResponse<T> of(Page<S> page, Function<? super S, ? extends T> toItem) {
        return new PageResponse<>(page.items().stream().<T>map(toItem).toList(), PageParameters.nextCursor(page));
    }
}
