package io.orderbook.app.ticket;

import io.orderbook.app.common.AreaPane;
import javafx.scene.Node;
import javafx.scene.layout.VBox;

/** The form that places an order in the selected market. */
public final class OrderTicketView {

    private final AreaPane root = new AreaPane("Order ticket", new VBox());

    public Node root() {
        return root;
    }
}
