package io.orderbook.app.chart;

import io.orderbook.app.client.trading.Candle;
import io.orderbook.application.marketdata.CandleInterval;
import io.orderbook.app.client.trading.Market;
import io.orderbook.app.client.trading.PublicTrade;
import io.orderbook.app.common.AreaPane;
import io.orderbook.app.common.Background;
import io.orderbook.app.common.CanvasPane;
import io.orderbook.app.common.Numbers;
import io.orderbook.app.common.Palette;
import io.orderbook.app.trading.TradingModel;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The selected market's price chart drawn on a canvas: candlesticks with volume bars below, timeframes 1m, 5m, 1h and
 * 1d, live from the trade stream, and a crosshair that shows the price and time under the pointer. Candles come from
 * the server when it offers them, else they are built from recent trades.
 */
public final class PriceChartView {

    private static final Font FONT = Font.font("Monospaced", 11);
    private static final double AXIS = 70;
    private static final double TIME_AXIS = 18;
    private static final double VOLUME_SHARE = 0.2;
    private static final double CANDLE = 7;

    private final TradingModel model;
    private final CanvasPane pane = new CanvasPane(this::redraw);
    private final BorderPane content = new BorderPane();
    private final AreaPane root;
    private final ObjectProperty<Palette> palette = new SimpleObjectProperty<>(Palette.DARK);
    private final Label source = new Label();
    private CandleSeries series = new CandleSeries(CandleInterval.ONE_MINUTE);
    private double mouseX = -1;
    private double mouseY = -1;
    private long redraws;
    private boolean dirty;
    private long loadGeneration;

    /**
     * Builds the chart for the market selected in {@code model}; it loads candles when the market or interval
     * changes and adds live trades to them.
     *
     * @param model the trading screen's state
     */
    public PriceChartView(TradingModel model) {
        this.model = model;
        pane.setId("chart");
        ToggleGroup group = new ToggleGroup();
        HBox bar = new HBox(2);
        // Not "chart-bar": that is the theme's style class of a bar chart's bars (an accent-coloured background).
        bar.getStyleClass().add("chart-toolbar");
        for (CandleInterval interval : CandleInterval.values()) {
            ToggleButton button = new ToggleButton(interval.code());
            button.setId("interval-" + interval.code());
            button.setToggleGroup(group);
            button.setSelected(interval == CandleInterval.ONE_MINUTE);
            button.setOnAction(e -> {
                button.setSelected(true);
                load(interval);
            });
            bar.getChildren().add(button);
        }
        source.getStyleClass().add("text-muted");
        bar.getChildren().add(source);
        content.setTop(bar);
        content.setCenter(pane);
        root = new AreaPane("Chart", content);
        palette.subscribe(this::redraw);
        model.selectedMarketProperty().subscribe(m -> load(series.interval()));
        model.onTrades(this::trades);
        pane.canvas().setOnMouseMoved(e -> {
            mouseX = e.getX();
            mouseY = e.getY();
            redraw();
        });
        pane.canvas().setOnMouseExited(e -> {
            mouseX = -1;
            redraw();
        });
    }

    /**
     * The view's node, to place in the window.
     *
     * @return the chart's framed area with its interval buttons
     */
    public Node root() {
        return root;
    }

    /**
     * The colours to draw with (follows the theme).
     *
     * @return the property; dark colours until set
     */
    public ObjectProperty<Palette> paletteProperty() {
        return palette;
    }

    /**
     * How many times the chart has been drawn (the FX load measurement reads it).
     *
     * @return the number of redraws since the view was built
     */
    public long redraws() {
        return redraws;
    }

    private void load(CandleInterval interval) {
        series = new CandleSeries(interval);
        redraw();
        Market market = model.selectedMarket();
        if (market == null) {
            return;
        }
        long generation = ++loadGeneration;
        CandleSeries target = series;
        Background.run(() -> {
            Optional<List<Candle>> fromServer = model.client().candles(market.symbol(), interval, CandleSeries.MAX);
            if (fromServer.isPresent()) {
                return new Loaded(fromServer.get(), null, "server candles");
            }
            return new Loaded(null, model.client().trades(market.symbol(), 500), "built from recent trades");
        }, loaded -> {
            if (generation != loadGeneration) {
                return;
            }
            if (loaded.candles() != null) {
                target.setAll(loaded.candles());
            } else {
                loaded.trades().reversed().forEach(target::add);
            }
            source.setText(loaded.source());
            redraw();
        }, e -> source.setText("no history: " + e.getMessage()));
    }

    private record Loaded(List<Candle> candles, List<PublicTrade> trades, String source) {
    }

    private void trades(List<PublicTrade> trades) {
        Market market = model.selectedMarket();
        for (PublicTrade t : trades) {
            if (market != null && t.market().equals(market.symbol())) {
                series.add(t);
            }
        }
        redraw();
    }

    private void redraw() {
        redraws++;
        Palette p = palette.get();
        GraphicsContext g = pane.clear(p.background(), FONT);
        double w = pane.canvas().getWidth();
        double h = pane.canvas().getHeight();
        List<Candle> all = series.candles();
        Market market = model.selectedMarket();
        if (all.isEmpty() || market == null || w <= AXIS + 10 || h <= TIME_AXIS + 20) {
            g.setFill(p.muted());
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(market == null ? "No market selected" : "No trades yet", w / 2, h / 2);
            return;
        }
        double plotW = w - AXIS;
        int visible = Math.max(1, (int) (plotW / CANDLE));
        List<Candle> shown = all.subList(Math.max(0, all.size() - visible), all.size());
        BigDecimal high = shown.getFirst().high();
        BigDecimal low = shown.getFirst().low();
        BigDecimal maxVolume = BigDecimal.ZERO;
        for (Candle c : shown) {
            high = high.max(c.high());
            low = low.min(c.low());
            maxVolume = maxVolume.max(c.volume());
        }
        // Doubles only to place pixels; prices shown are the exact decimals.
        double hi = high.doubleValue();
        double lo = low.doubleValue();
        if (hi == lo) {
            hi += 1;
            lo -= 1;
        }
        double pad = (hi - lo) * 0.05;
        hi += pad;
        lo -= pad;
        double priceH = (h - TIME_AXIS) * (1 - VOLUME_SHARE);
        double volumeTop = priceH;
        double volumeH = (h - TIME_AXIS) * VOLUME_SHARE;
        double vmax = Math.max(maxVolume.doubleValue(), 1e-18);
        int decimals = Numbers.decimals(market.tickSize());

        // Grid and price axis.
        g.setStroke(p.grid());
        g.setLineWidth(1);
        g.setTextAlign(TextAlignment.LEFT);
        for (int i = 0; i <= 4; i++) {
            double y = Math.floor(priceH * i / 4) + 0.5;
            g.strokeLine(0, y, plotW, y);
            double price = hi - (hi - lo) * i / 4;
            g.setFill(p.muted());
            g.fillText(BigDecimal.valueOf(price).setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString(),
                    plotW + 4, Math.min(Math.max(y, 8), priceH - 8));
        }
        for (int i = 0; i < shown.size(); i++) {
            Candle c = shown.get(i);
            double x = plotW - (shown.size() - i) * CANDLE + CANDLE / 2;
            boolean up = c.close().compareTo(c.open()) >= 0;
            g.setStroke(up ? p.buy() : p.sell());
            g.setFill(up ? p.buy() : p.sell());
            double yHigh = y(c.high().doubleValue(), hi, lo, priceH);
            double yLow = y(c.low().doubleValue(), hi, lo, priceH);
            double yOpen = y(c.open().doubleValue(), hi, lo, priceH);
            double yClose = y(c.close().doubleValue(), hi, lo, priceH);
            g.strokeLine(Math.floor(x) + 0.5, yHigh, Math.floor(x) + 0.5, yLow);
            double top = Math.min(yOpen, yClose);
            g.fillRect(x - CANDLE / 2 + 1, top, CANDLE - 2, Math.max(1, Math.abs(yClose - yOpen)));
            double vh = volumeH * c.volume().doubleValue() / vmax;
            g.setFill(up ? p.buyBar() : p.sellBar());
            g.fillRect(x - CANDLE / 2 + 1, volumeTop + volumeH - vh, CANDLE - 2, vh);
        }
        // Time axis: first and last candle.
        g.setFill(p.muted());
        DateTimeFormatter format = DateTimeFormatter.ofPattern(series.interval() == CandleInterval.ONE_DAY ? "yyyy-MM-dd" : "MM-dd HH:mm")
                .withZone(ZoneId.systemDefault());
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(format.format(shown.getFirst().openTime()), Math.max(2, plotW - shown.size() * CANDLE), h - TIME_AXIS / 2);
        g.setTextAlign(TextAlignment.RIGHT);
        g.fillText(format.format(shown.getLast().openTime()), plotW, h - TIME_AXIS / 2);

        if (mouseX >= 0 && mouseX < plotW && mouseY >= 0 && mouseY < priceH) {
            g.setStroke(p.crosshair());
            g.setLineDashes(4, 4);
            g.strokeLine(Math.floor(mouseX) + 0.5, 0, Math.floor(mouseX) + 0.5, h - TIME_AXIS);
            g.strokeLine(0, Math.floor(mouseY) + 0.5, plotW, Math.floor(mouseY) + 0.5);
            g.setLineDashes();
            double price = hi - (hi - lo) * mouseY / priceH;
            int index = shown.size() - 1 - (int) ((plotW - mouseX) / CANDLE);
            String priceText = BigDecimal.valueOf(price).setScale(decimals, java.math.RoundingMode.HALF_EVEN).toPlainString();
            label(g, p, priceText, plotW + 2, mouseY, TextAlignment.LEFT);
            if (index >= 0 && index < shown.size()) {
                Candle c = shown.get(index);
                Instant time = c.openTime();
                label(g, p, format.format(time), mouseX, h - TIME_AXIS / 2, TextAlignment.CENTER);
                g.setFill(p.text());
                g.setTextAlign(TextAlignment.LEFT);
                g.fillText("O " + Numbers.plain(c.open()) + "  H " + Numbers.plain(c.high()) + "  L "
                        + Numbers.plain(c.low()) + "  C " + Numbers.plain(c.close()) + "  V " + Numbers.plain(c.volume()),
                        6, 10);
            }
        }
    }

    private static void label(GraphicsContext g, Palette p, String text, double x, double y, TextAlignment align) {
        double width = text.length() * 7 + 6;
        double left = align == TextAlignment.CENTER ? x - width / 2 : x;
        g.setFill(p.grid());
        g.fillRect(left, y - 8, width, 16);
        g.setFill(p.text());
        g.setTextAlign(TextAlignment.LEFT);
        g.fillText(text, left + 3, y);
    }

    private static double y(double price, double hi, double lo, double height) {
        return (hi - price) / (hi - lo) * height;
    }
}
