package io.orderbook.app.watchlist;

import static io.orderbook.app.common.Tables.numericColumn;
import static io.orderbook.app.common.Tables.textColumn;

import io.orderbook.app.common.AreaPane;
import io.orderbook.app.common.Numbers;
import io.orderbook.app.common.Tables;
import io.orderbook.app.trading.TradingModel;
import io.orderbook.app.trading.WatchRow;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Node;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** Every market with its last price, 24-hour change and volume; selecting one shows it everywhere. */
public final class WatchlistView {

    private final AreaPane root;

    /**
     * Builds the watchlist on {@code model}'s markets; choosing a row selects that market.
     *
     * @param model the trading screen's state
     */
    public WatchlistView(TradingModel model) {
        TableColumn<WatchRow, String> market = textColumn("Market");
        market.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().market()));
        TableColumn<WatchRow, String> last = numericColumn("Last");
        last.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(Numbers.format(c.getValue().last(), c.getValue().priceDecimals())));
        TableColumn<WatchRow, WatchRow> change = numericColumn("24h");
        change.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        change.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(WatchRow row, boolean empty) {
                super.updateItem(row, empty);
                getStyleClass().removeAll("up", "down");
                if (empty || row == null || row.change() == null) {
                    setText(empty ? null : "—");
                    return;
                }
                setText(Numbers.percent(row.change()));
                getStyleClass().add(row.change().signum() >= 0 ? "up" : "down");
            }
        });
        TableColumn<WatchRow, String> volume = numericColumn("Volume");
        volume.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(Numbers.plain(c.getValue().volume())));
        TableView<WatchRow> table = Tables.create("No markets", market, last, change, volume);
        table.setId("watchlist");
        table.setItems(model.watchlist());
        table.getSelectionModel().selectedItemProperty().subscribe(row -> {
            if (row != null && (model.selectedMarket() == null || !model.selectedMarket().symbol().equals(row.market()))) {
                model.markets().stream().filter(m -> m.symbol().equals(row.market())).findFirst()
                        .ifPresent(model.selectedMarketProperty()::set);
            }
        });
        root = new AreaPane("Markets", table);
    }

    /**
     * The view's node, to place in the window.
     *
     * @return the watchlist's framed table
     */
    public Node root() {
        return root;
    }
}
