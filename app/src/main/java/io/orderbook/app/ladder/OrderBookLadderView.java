package io.orderbook.app.ladder;

import static io.orderbook.app.common.Tables.numericColumn;

import io.orderbook.app.common.AreaPane;
import io.orderbook.app.common.Tables;
import javafx.scene.Node;

/** The selected market's order book as a price ladder: bid sizes left, ask sizes right. */
public final class OrderBookLadderView {

    private final AreaPane root = new AreaPane("Order book", Tables.create("No market selected",
            numericColumn("Bid size"), numericColumn("Price"), numericColumn("Ask size")));

    public Node root() {
        return root;
    }
}
