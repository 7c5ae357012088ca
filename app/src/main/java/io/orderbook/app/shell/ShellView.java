package io.orderbook.app.shell;

import atlantafx.base.controls.ToggleSwitch;
import io.orderbook.app.admin.AdminArea;
import io.orderbook.app.blotter.BlottersView;
import io.orderbook.app.chart.PriceChartView;
import io.orderbook.app.client.Session;
import io.orderbook.app.client.trading.BookLevel;
import io.orderbook.app.client.trading.Market;
import io.orderbook.app.client.trading.OrderRequest;
import io.orderbook.app.common.Background;
import io.orderbook.app.common.Dialogs;
import io.orderbook.app.common.Numbers;
import io.orderbook.app.common.Palette;
import io.orderbook.app.ladder.OrderBookLadderView;
import io.orderbook.app.ticket.OrderTicketView;
import io.orderbook.app.trading.TradingModel;
import io.orderbook.app.watchlist.WatchlistView;
import io.orderbook.domain.model.OrderType;
import io.orderbook.domain.model.Side;
import io.orderbook.domain.model.TimeInForce;
import javafx.application.Platform;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The main window's layout: menu and toolbar on top, watchlist left, order book and chart in the centre, order
 * ticket right, blotters below, a status line at the bottom. With {@link #addAdminArea} the centre gets a second
 * tab with the administration screens (an administrator's, or a trader's own API keys). Keyboard shortcuts: Ctrl+B buy, Ctrl+S sell, Ctrl+T
 * focus the ticket, Ctrl+Shift+X cancel all orders in the market.
 */
public final class ShellView {

    private static final String STYLESHEET = "workstation.css";

    /** The shortcuts, also listed in the Trade menu. */
    private static final KeyCombination BUY = KeyCombination.keyCombination("Shortcut+B");
    private static final KeyCombination SELL = KeyCombination.keyCombination("Shortcut+S");
    private static final KeyCombination FOCUS_TICKET = KeyCombination.keyCombination("Shortcut+T");
    private static final KeyCombination CANCEL_ALL = KeyCombination.keyCombination("Shortcut+Shift+X");

    private final ShellModel model;
    private final TradingModel trading;
    private final BorderPane root = new BorderPane();
    private final OrderTicketView ticket;
    private final OrderBookLadderView ladder;
    private final PriceChartView chart;
    private final BlottersView blotters;
    private final SplitPane horizontal;
    private final SplitPane vertical;
    private final Label notice = new Label();
    private final TabPane areas = new TabPane();
    private final Tab tradingTab;

    /**
     * Builds the main window's content for a logged-in session.
     *
     * @param model   the window's own state (the theme)
     * @param trading the trading screens' state for the session
     * @param session who is logged in, for the status bar
     * @param server  where the server is, for the status bar ("embedded" or its URL)
     */
    public ShellView(ShellModel model, TradingModel trading, Session session, String server) {
        this.model = model;
        this.trading = trading;
        this.ticket = new OrderTicketView(trading);
        this.ladder = new OrderBookLadderView(trading);
        this.chart = new PriceChartView(trading);
        this.blotters = new BlottersView(trading);
        root.getStyleClass().add("workstation");
        root.getStylesheets().add(ShellView.class.getResource(STYLESHEET).toExternalForm());
        root.setTop(new VBox(menuBar(), toolBar()));
        Node watchlist = new WatchlistView(trading).root();
        SplitPane.setResizableWithParent(watchlist, false);
        SplitPane.setResizableWithParent(ladder.root(), false);
        SplitPane.setResizableWithParent(ticket.root(), false);
        horizontal = new SplitPane(watchlist, ladder.root(), chart.root(), ticket.root());
        horizontal.setDividerPositions(0.18, 0.38, 0.78);
        SplitPane.setResizableWithParent(blotters.root(), false);
        vertical = new SplitPane(horizontal, blotters.root());
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setDividerPositions(0.66);
        tradingTab = new Tab("Trading", vertical);
        tradingTab.setId("tradingTab");
        areas.setId("shellAreas");
        areas.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        areas.getTabs().add(tradingTab);
        root.setCenter(areas);
        notice.setId("lastNotice");
        Label who = new Label(session.username() + " (" + session.role() + ") · " + server);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox status = new HBox(8, who, spacer, notice);
        status.getStyleClass().add("status-bar");
        root.setBottom(status);

        model.themeProperty().subscribe(theme -> {
            Palette palette = theme == WorkstationTheme.DARK ? Palette.DARK : Palette.LIGHT;
            ladder.paletteProperty().set(palette);
            chart.paletteProperty().set(palette);
        });
        ladder.setOnPrice((side, price) -> {
            // A click on an ask means "buy at this price", on a bid "sell at this price".
            ticket.setSide(side == Side.SELL ? Side.BUY : Side.SELL);
            ticket.setPrice(price);
            ticket.focus();
        });
        ladder.setOnTake(this::take);
        trading.onNotice(n -> notice.setText(n.title() + ": " + n.text()));
    }

    /**
     * The window's content, to put in the scene.
     *
     * @return the root with the menu, the centre's tabs and the status bar
     */
    public Parent root() {
        return root;
    }

    /**
     * Adds the administration area as the centre's second tab: "Administration" for an administrator, "API keys"
     * for a trader (who sees only their own keys there).
     *
     * @param area  the area, built for the logged-in user
     * @param admin whether the logged-in user has the ADMIN role, which the area was built for
     */
    public void addAdminArea(AdminArea area, boolean admin) {
        var tab = new Tab(admin ? "Administration" : "API keys", area.root());
        tab.setId("adminTab");
        areas.getTabs().add(tab);
    }

    /**
     * The centre's tabs.
     *
     * @return trading first, then the administration area once added
     */
    public TabPane areas() {
        return areas;
    }

    /** Shows the trading screens (the first tab). */
    public void showTrading() {
        areas.getSelectionModel().select(tradingTab);
    }

    /**
     * Installs the keyboard shortcuts and the stylesheet (which popups such as notifications share) in the scene.
     *
     * @param scene the scene that shows {@link #root()}
     */
    public void installShortcuts(Scene scene) {
        scene.getStylesheets().add(ShellView.class.getResource(STYLESHEET).toExternalForm());
        scene.getAccelerators().put(BUY, () -> {
            showTrading();
            ticket.setSide(Side.BUY);
            ticket.focus();
        });
        scene.getAccelerators().put(SELL, () -> {
            showTrading();
            ticket.setSide(Side.SELL);
            ticket.focus();
        });
        scene.getAccelerators().put(FOCUS_TICKET, () -> {
            showTrading();
            ticket.focus();
        });
        scene.getAccelerators().put(CANCEL_ALL, () -> {
            showTrading();
            blotters.cancelAll();
        });
    }

    /**
     * The divider positions, to remember the layout.
     *
     * @return the three column dividers, then the row divider, each a fraction of the width or height
     */
    public double[] dividers() {
        double[] h = horizontal.getDividerPositions();
        double[] v = vertical.getDividerPositions();
        return new double[] {h[0], h[1], h[2], v[0]};
    }

    /**
     * Restores divider positions saved from {@link #dividers()}.
     *
     * @param d four fractions as {@link #dividers()} gives them; any other length is ignored
     */
    public void setDividers(double[] d) {
        if (d.length == 4) {
            horizontal.setDividerPositions(d[0], d[1], d[2]);
            vertical.setDividerPositions(d[3]);
        }
    }

    /**
     * The order book ladder in the window.
     *
     * @return the ladder view
     */
    public OrderBookLadderView ladder() {
        return ladder;
    }

    /**
     * The price chart in the window.
     *
     * @return the chart view
     */
    public PriceChartView chart() {
        return chart;
    }

    /**
     * Takes the resting orders of a ladder level: an immediate-or-cancel limit order at that price for the level's
     * size, which trades with what rests there (oldest first) and never rests itself. The public book shows levels,
     * not order ids, so this is how a level is taken; {@code TradingClient.take} takes one order by id.
     */
    private void take(Side restingSide, BookLevel level) {
        Market market = trading.selectedMarket();
        if (market == null) {
            return;
        }
        Side side = restingSide == Side.SELL ? Side.BUY : Side.SELL;
        String text = (side == Side.BUY ? "Buy " : "Sell ") + Numbers.plain(level.quantity()) + " " + market.base()
                + " at " + Numbers.plain(level.price()) + " " + market.quote() + ", taking " + level.orders()
                + " resting order(s). Whatever is not there any more is not placed.";
        if (!Dialogs.confirm("Take this level?", text)) {
            return;
        }
        OrderRequest request = new OrderRequest(market.symbol(), side, OrderType.LIMIT, TimeInForce.IOC, level.price(),
                level.quantity(), null, null);
        Background.run(() -> trading.client().place(request), result -> trading.refreshOrders(), e -> {
            trading.rejected(e);
            Dialogs.error(e);
        });
    }

    private MenuBar menuBar() {
        var exit = new MenuItem("Exit");
        exit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        exit.setOnAction(_ -> Platform.exit());

        var themes = new ToggleGroup();
        var dark = themeItem("Dark theme", WorkstationTheme.DARK, themes);
        var light = themeItem("Light theme", WorkstationTheme.LIGHT, themes);

        var buy = new MenuItem("Buy");
        buy.setAccelerator(BUY);
        buy.setOnAction(_ -> {
            showTrading();
            ticket.setSide(Side.BUY);
            ticket.focus();
        });
        var sell = new MenuItem("Sell");
        sell.setAccelerator(SELL);
        sell.setOnAction(_ -> {
            showTrading();
            ticket.setSide(Side.SELL);
            ticket.focus();
        });
        var focus = new MenuItem("Focus order ticket");
        focus.setAccelerator(FOCUS_TICKET);
        focus.setOnAction(_ -> {
            showTrading();
            ticket.focus();
        });
        var cancelAll = new MenuItem("Cancel all orders in market");
        cancelAll.setAccelerator(CANCEL_ALL);
        cancelAll.setOnAction(_ -> {
            showTrading();
            blotters.cancelAll();
        });

        return new MenuBar(new Menu("File", null, exit), new Menu("Trade", null, buy, sell, focus, cancelAll),
                new Menu("View", null, dark, light));
    }

    private RadioMenuItem themeItem(String text, WorkstationTheme theme, ToggleGroup group) {
        var item = new RadioMenuItem(text);
        item.setToggleGroup(group);
        item.setOnAction(_ -> model.setTheme(theme));
        model.themeProperty().subscribe(current -> item.setSelected(current == theme));
        return item;
    }

    private ToolBar toolBar() {
        var market = new ComboBox<Market>(trading.markets());
        market.setId("marketSelector");
        market.setPromptText("Market");
        market.setButtonCell(new MarketCell());
        market.setCellFactory(l -> new MarketCell());
        market.valueProperty().bindBidirectional(trading.selectedMarketProperty());

        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        var darkMode = new ToggleSwitch("Dark");
        darkMode.setId("themeSwitch");
        model.themeProperty().subscribe(theme -> darkMode.setSelected(theme == WorkstationTheme.DARK));
        darkMode.selectedProperty().subscribe(selected ->
                model.setTheme(selected ? WorkstationTheme.DARK : WorkstationTheme.LIGHT));

        return new ToolBar(market, spacer, darkMode);
    }

    private static final class MarketCell extends ListCell<Market> {
        @Override
        protected void updateItem(Market item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty || item == null ? null : item.symbol() + (item.halted() ? " (halted)" : ""));
        }
    }
}
