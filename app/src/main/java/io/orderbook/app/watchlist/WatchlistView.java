package io.orderbook.app.watchlist;

import static io.orderbook.app.common.Tables.numericColumn;
import static io.orderbook.app.common.Tables.textColumn;

import io.orderbook.app.common.AreaPane;
import io.orderbook.app.common.Tables;
import javafx.scene.Node;

/** The markets the user follows, with their last price and daily change. */
public final class WatchlistView {

    private final AreaPane root = new AreaPane("Watchlist", Tables.create("No markets",
            textColumn("Market"), numericColumn("Last"), numericColumn("24h %")));

    public Node root() {
        return root;
    }
}
