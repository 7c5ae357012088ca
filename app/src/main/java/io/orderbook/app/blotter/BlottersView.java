package io.orderbook.app.blotter;

import static io.orderbook.app.common.Tables.numericColumn;
import static io.orderbook.app.common.Tables.textColumn;

import io.orderbook.app.client.trading.Balance;
import io.orderbook.app.client.trading.ConditionalOrder;
import io.orderbook.app.client.trading.Fill;
import io.orderbook.app.client.trading.Order;
import io.orderbook.app.common.Background;
import io.orderbook.app.common.Dialogs;
import io.orderbook.app.common.Numbers;
import io.orderbook.app.common.Tables;
import io.orderbook.app.trading.TradingModel;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.ToolBar;
import javafx.scene.layout.BorderPane;

/**
 * The user's open orders (cancel, amend), order history, fills (close the order), balances and conditional orders
 * (cancel), one tab each, live: the model refreshes them when the account stream reports a change.
 */
public final class BlottersView {

    private final TradingModel model;
    private final TabPane root = new TabPane();
    private final TableView<Order> open;
    private final TableView<Fill> fills;
    private final TableView<ConditionalOrder> conditional;

    /**
     * Builds the blotters (open orders, history, fills, balances, conditional orders) on {@code model}.
     *
     * @param model the trading screen's state, which also sends the cancels and amends
     */
    public BlottersView(TradingModel model) {
        this.model = model;
        open = Tables.create("No open orders",
                col("Time", (Order o) -> Numbers.dateTime(o.createdAt())), col("Id", (Order o) -> Long.toString(o.id())),
                col("Market", Order::market), col("Side", (Order o) -> String.valueOf(o.side())),
                col("Type", (Order o) -> String.valueOf(o.type())), num("Price", (Order o) -> Numbers.plain(o.price())),
                num("Quantity", (Order o) -> Numbers.plain(o.quantity())),
                num("Filled", (Order o) -> Numbers.plain(o.filledQuantity())),
                col("Status", (Order o) -> String.valueOf(o.status())));
        open.setId("openOrders");
        open.setItems(model.openOrders());
        Button cancel = button("Cancel", "cancelOrder", () -> selected(open).ifPresent(this::cancel));
        Button amend = button("Amend…", "amendOrder", () -> selected(open).ifPresent(this::amend));
        Button cancelAll = button("Cancel all in market", "cancelAll", this::cancelAll);

        TableView<Order> history = Tables.create("No orders",
                col("Time", (Order o) -> Numbers.dateTime(o.createdAt())), col("Id", (Order o) -> Long.toString(o.id())),
                col("Market", Order::market), col("Side", (Order o) -> String.valueOf(o.side())),
                col("Type", (Order o) -> String.valueOf(o.type())), num("Price", (Order o) -> Numbers.plain(o.price())),
                num("Quantity", (Order o) -> Numbers.plain(o.quantity())),
                num("Filled", (Order o) -> Numbers.plain(o.filledQuantity())),
                col("Status", (Order o) -> String.valueOf(o.status())),
                col("Reason", (Order o) -> o.endReason() == null ? "" : o.endReason()));
        history.setId("orderHistory");
        history.setItems(model.orderHistory());

        fills = Tables.create("No fills",
                col("Time", (Fill f) -> Numbers.dateTime(f.executedAt())), col("Order", (Fill f) -> Long.toString(f.orderId())),
                col("Market", Fill::market), col("Side", (Fill f) -> String.valueOf(f.side())),
                num("Price", (Fill f) -> Numbers.plain(f.price())), num("Quantity", (Fill f) -> Numbers.plain(f.quantity())),
                num("Fee", (Fill f) -> Numbers.plain(f.fee()) + " " + f.feeAsset()),
                col("Liquidity", (Fill f) -> String.valueOf(f.liquidity())));
        fills.setId("fills");
        fills.setItems(model.fills());
        Button close = button("Close order", "closeFill", () -> selected(fills).ifPresent(this::close));

        TableView<Balance> balances = Tables.create("No balances", col("Asset", Balance::asset),
                num("Total", (Balance b) -> Numbers.plain(b.total())),
                num("Available", (Balance b) -> Numbers.plain(b.available())),
                num("Reserved", (Balance b) -> Numbers.plain(b.locked())));
        balances.setId("balances");
        balances.setItems(model.balances());

        conditional = Tables.create("No conditional orders",
                col("Id", (ConditionalOrder c) -> Long.toString(c.id())), col("Market", ConditionalOrder::market),
                col("Kind", ConditionalOrder::kind), col("Side", (ConditionalOrder c) -> String.valueOf(c.side())),
                num("Trigger", (ConditionalOrder c) -> c.triggerPrice() != null ? Numbers.plain(c.triggerPrice())
                        : c.trailingAmount() != null ? "trail " + Numbers.plain(c.trailingAmount())
                        : c.trailingPercent() != null ? "trail " + Numbers.plain(c.trailingPercent()) + " %" : ""),
                num("Limit", (ConditionalOrder c) -> c.limitPrice() == null ? "market" : Numbers.plain(c.limitPrice())),
                col("Quantity", (ConditionalOrder c) -> c.quantity() == null ? ""
                        : Numbers.plain(c.quantity().value()) + " " + c.quantity().rule()),
                col("Status", ConditionalOrder::status));
        conditional.setId("conditionalOrders");
        conditional.setItems(model.conditionalOrders());
        Button cancelConditional = button("Cancel", "cancelConditional",
                () -> selected(conditional).ifPresent(this::cancelConditional));

        root.getTabs().addAll(
                new Tab("Open orders", framed(open, cancel, amend, cancelAll)),
                new Tab("Order history", history),
                new Tab("Fills", framed(fills, close)),
                new Tab("Balances", balances),
                new Tab("Conditional orders", framed(conditional, cancelConditional)));
        root.setId("blotters");
        root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    }

    /**
     * The view's node, to place in the window.
     *
     * @return the tab pane of blotters
     */
    public Node root() {
        return root;
    }

    /** Cancels every open order in the selected market (the cancel-all shortcut). */
    public void cancelAll() {
        if (model.selectedMarket() == null) {
            return;
        }
        String symbol = model.selectedMarket().symbol();
        Background.run(() -> model.client().cancelAll(symbol), n -> model.refreshOrders(), e -> {
            model.rejected(e);
            Dialogs.error(e);
        });
    }

    private void cancel(Order order) {
        Background.run(() -> model.client().cancel(order.id()), r -> model.refreshOrders(), this::failed);
    }

    private void amend(Order order) {
        TextInputDialog dialog = new TextInputDialog(Numbers.plain(order.price()) + " " + Numbers.plain(order.quantity()));
        dialog.setTitle("Amend order " + order.id());
        dialog.setHeaderText("New price and total quantity (filled part included), separated by a space");
        dialog.showAndWait().ifPresent(text -> {
            String[] parts = text.strip().split("\\s+");
            try {
                BigDecimal price = new BigDecimal(parts[0]);
                BigDecimal quantity = parts.length > 1 ? new BigDecimal(parts[1]) : null;
                Background.run(() -> model.client().amend(order.id(), price, quantity), r -> model.refreshOrders(),
                        this::failed);
            } catch (NumberFormatException e) {
                Dialogs.error(new io.orderbook.app.client.ClientException(0, "INVALID_INPUT", "Invalid amendment",
                        "Write a price and optionally a quantity, e.g. 101.5 0.25", java.util.List.of()));
            }
        });
    }

    private void close(Fill fill) {
        if (!Dialogs.confirm("Close order " + fill.orderId() + "?",
                "Cancels what is still open of the order and trades back what has filled, at the market.")) {
            return;
        }
        Background.run(() -> model.client().close(fill.orderId()), r -> model.refreshOrders(), this::failed);
    }

    private void cancelConditional(ConditionalOrder order) {
        Background.run(() -> {
            model.client().cancelConditional(order.id());
            return order;
        }, c -> model.refreshConditional(), this::failed);
    }

    private void failed(io.orderbook.app.client.ClientException e) {
        model.rejected(e);
        Dialogs.error(e);
        model.refreshOrders();
    }

    private static <S> Optional<S> selected(TableView<S> table) {
        return Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }

    private static Button button(String text, String id, Runnable action) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(e -> action.run());
        return button;
    }

    private static Node framed(TableView<?> table, Node... tools) {
        BorderPane pane = new BorderPane(table);
        ToolBar bar = new ToolBar(tools);
        bar.getStyleClass().add("blotter-tools");
        pane.setTop(bar);
        return pane;
    }

    private static <S> TableColumn<S, String> col(String header, Function<S, String> value) {
        TableColumn<S, String> column = textColumn(header);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    private static <S> TableColumn<S, String> num(String header, Function<S, String> value) {
        TableColumn<S, String> column = numericColumn(header);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }
}
