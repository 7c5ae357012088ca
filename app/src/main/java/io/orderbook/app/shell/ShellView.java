package io.orderbook.app.shell;

import atlantafx.base.controls.ToggleSwitch;
import io.orderbook.app.blotter.BlottersView;
import io.orderbook.app.chart.PriceChartView;
import io.orderbook.app.ladder.OrderBookLadderView;
import io.orderbook.app.ticket.OrderTicketView;
import io.orderbook.app.watchlist.WatchlistView;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The main window's layout: menu and toolbar on top, watchlist left, order book and chart in the
 * centre, order ticket right, blotters below.
 */
public final class ShellView {

    private static final String STYLESHEET = "workstation.css";

    private final ShellModel model;
    private final BorderPane root = new BorderPane();

    public ShellView(ShellModel model) {
        this.model = model;
        root.getStyleClass().add("workstation");
        root.getStylesheets().add(ShellView.class.getResource(STYLESHEET).toExternalForm());
        root.setTop(new VBox(menuBar(), toolBar()));
        root.setCenter(workspace());
    }

    public Parent root() {
        return root;
    }

    private MenuBar menuBar() {
        var exit = new MenuItem("Exit");
        exit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        exit.setOnAction(_ -> Platform.exit());

        var themes = new ToggleGroup();
        var dark = themeItem("Dark theme", WorkstationTheme.DARK, themes);
        var light = themeItem("Light theme", WorkstationTheme.LIGHT, themes);

        return new MenuBar(new Menu("File", null, exit), new Menu("View", null, dark, light));
    }

    private RadioMenuItem themeItem(String text, WorkstationTheme theme, ToggleGroup group) {
        var item = new RadioMenuItem(text);
        item.setToggleGroup(group);
        item.setOnAction(_ -> model.setTheme(theme));
        model.themeProperty().subscribe(current -> item.setSelected(current == theme));
        return item;
    }

    private ToolBar toolBar() {
        var market = new ComboBox<String>();
        market.setId("marketSelector");
        market.setPromptText("Market");
        market.disableProperty().bind(Bindings.isEmpty(market.getItems()));

        var spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);

        var darkMode = new ToggleSwitch("Dark");
        darkMode.setId("themeSwitch");
        model.themeProperty().subscribe(theme -> darkMode.setSelected(theme == WorkstationTheme.DARK));
        darkMode.selectedProperty().subscribe(selected ->
                model.setTheme(selected ? WorkstationTheme.DARK : WorkstationTheme.LIGHT));

        return new ToolBar(market, spacer, darkMode);
    }

    private Node workspace() {
        Node watchlist = new WatchlistView().root();
        Node ladder = new OrderBookLadderView().root();
        Node ticket = new OrderTicketView().root();
        // Side areas keep their width when the window is resized; the chart takes the rest.
        SplitPane.setResizableWithParent(watchlist, false);
        SplitPane.setResizableWithParent(ladder, false);
        SplitPane.setResizableWithParent(ticket, false);

        var trading = new SplitPane(watchlist, ladder, new PriceChartView().root(), ticket);
        trading.setDividerPositions(0.16, 0.36, 0.80);

        Node blotters = new BlottersView().root();
        SplitPane.setResizableWithParent(blotters, false);
        var workspace = new SplitPane(trading, blotters);
        workspace.setOrientation(Orientation.VERTICAL);
        workspace.setDividerPositions(0.66);
        return workspace;
    }
}
