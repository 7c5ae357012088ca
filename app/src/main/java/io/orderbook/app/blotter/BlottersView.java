package io.orderbook.app.blotter;

import static io.orderbook.app.common.Tables.numericColumn;
import static io.orderbook.app.common.Tables.textColumn;

import io.orderbook.app.common.Tables;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/** The user's open orders, fills, balances and conditional orders, one tab each. */
public final class BlottersView {

    private final TabPane root = new TabPane(
            new Tab("Open orders", Tables.create("No open orders",
                    textColumn("Time"), textColumn("Market"), textColumn("Side"), textColumn("Type"),
                    numericColumn("Price"), numericColumn("Quantity"), numericColumn("Filled"),
                    textColumn("Status"))),
            new Tab("Fills", Tables.create("No fills",
                    textColumn("Time"), textColumn("Market"), textColumn("Side"),
                    numericColumn("Price"), numericColumn("Quantity"), numericColumn("Fee"),
                    textColumn("Liquidity"))),
            new Tab("Balances", Tables.create("No balances",
                    textColumn("Asset"), numericColumn("Total"), numericColumn("Available"),
                    numericColumn("Reserved"))),
            new Tab("Conditional orders", Tables.create("No conditional orders",
                    textColumn("Market"), textColumn("Side"), textColumn("Trigger"),
                    numericColumn("Trigger price"), textColumn("Quantity rule"), textColumn("Status"))));

    public BlottersView() {
        root.setId("blotters");
        root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    }

    public Node root() {
        return root;
    }
}
