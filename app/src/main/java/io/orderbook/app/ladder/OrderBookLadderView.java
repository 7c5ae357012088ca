package io.orderbook.app.ladder;

import io.orderbook.app.client.trading.Book;
import io.orderbook.app.client.trading.BookLevel;
import io.orderbook.app.client.trading.Market;
import io.orderbook.app.common.AreaPane;
import io.orderbook.app.common.CanvasPane;
import io.orderbook.app.common.Numbers;
import io.orderbook.app.common.Palette;
import io.orderbook.app.trading.TradingModel;
import io.orderbook.domain.model.Side;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * The selected market's order book as a price ladder drawn on a canvas: asks above (best ask nearest the middle),
 * the spread, bids below; each level with its size and cumulative size and a depth bar. A click on a level puts its
 * price in the order ticket; a double click takes the level's resting orders (after a confirmation).
 */
public final class OrderBookLadderView {

    private static final double ROW = 18;
    private static final Font FONT = Font.font("Monospaced", 12);

    /** One drawn line: a level of one side, or the spread line (level null). */
    private record Row(Side side, BookLevel level, BigDecimal cumulative) {
    }

    private final TradingModel model;
    private final CanvasPane pane = new CanvasPane(this::redraw);
    private final AreaPane root;
    private final ObjectProperty<Palette> palette = new SimpleObjectProperty<>(Palette.DARK);
    private final List<Row> rows = new ArrayList<>();
    private BiConsumer<Side, BigDecimal> onPrice = (side, price) -> { };
    private BiConsumer<Side, BookLevel> onTake = (side, level) -> { };
    private int hover = -1;
    private long redraws;

    /**
     * Builds the ladder for the selected market's book in {@code model}; it redraws when a new book arrives.
     *
     * @param model the trading screen's state
     */
    public OrderBookLadderView(TradingModel model) {
        this.model = model;
        pane.setId("ladder");
        root = new AreaPane("Order book", pane);
        model.bookProperty().subscribe(this::redraw);
        palette.subscribe(this::redraw);
        pane.canvas().setOnMouseMoved(e -> {
            int index = (int) (e.getY() / ROW);
            if (index != hover) {
                hover = index;
                redraw();
            }
        });
        pane.canvas().setOnMouseExited(e -> {
            hover = -1;
            redraw();
        });
        pane.canvas().setOnMouseClicked(this::clicked);
    }

    /**
     * The view's node, to place in the window.
     *
     * @return the ladder's framed area
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
     * Sets what a click on a level does (fill the ticket).
     *
     * @param handler receives the clicked level's side and price, on the FX thread
     */
    public void setOnPrice(BiConsumer<Side, BigDecimal> handler) {
        this.onPrice = handler;
    }

    /**
     * Sets what asking to take a level does.
     *
     * @param handler receives the side of the resting orders and the level the user wants to take, on the FX thread
     */
    public void setOnTake(BiConsumer<Side, BookLevel> handler) {
        this.onTake = handler;
    }

    /**
     * How many times the ladder has been drawn (the FX load measurement reads it).
     *
     * @return the number of redraws since the view was built
     */
    public long redraws() {
        return redraws;
    }

    /**
     * Finds where a level is drawn (tests, keyboard access).
     *
     * @param side  the level's side
     * @param price the level's price
     * @return the level's position in screen coordinates; null when the ladder does not show it
     */
    public Point2D screenPointOf(Side side, BigDecimal price) {
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            if (row.level() != null && row.side() == side && row.level().price().compareTo(price) == 0) {
                return pane.canvas().localToScreen(pane.canvas().getWidth() / 2, i * ROW + ROW / 2);
            }
        }
        return null;
    }

    private void clicked(MouseEvent e) {
        int index = (int) (e.getY() / ROW);
        if (e.getButton() != MouseButton.PRIMARY || index < 0 || index >= rows.size()) {
            return;
        }
        Row row = rows.get(index);
        if (row.level() == null) {
            return;
        }
        if (e.getClickCount() >= 2) {
            onTake.accept(row.side(), row.level());
        } else {
            onPrice.accept(row.side(), row.level().price());
        }
    }

    private void redraw() {
        redraws++;
        Palette p = palette.get();
        GraphicsContext g = pane.clear(p.background(), FONT);
        double w = pane.canvas().getWidth();
        double h = pane.canvas().getHeight();
        Book book = model.bookProperty().get();
        Market market = model.selectedMarket();
        rows.clear();
        if (book == null || market == null || w <= 0 || h <= 0) {
            g.setFill(p.muted());
            g.setTextAlign(TextAlignment.CENTER);
            g.fillText(market == null ? "No market selected" : "Waiting for the book…", w / 2, 20);
            return;
        }
        int priceDecimals = Numbers.decimals(market.tickSize());
        int sizeDecimals = Numbers.decimals(market.lotSize());
        int perSide = Math.max(1, (int) ((h / ROW - 2) / 2));
        // Asks: best nearest the middle, so listed from the furthest shown down to the best.
        List<BookLevel> asks = book.asks().subList(0, Math.min(perSide, book.asks().size()));
        BigDecimal[] askCumulative = cumulative(asks);
        for (int i = perSide - 1; i >= 0; i--) {
            rows.add(i < asks.size() ? new Row(Side.SELL, asks.get(i), askCumulative[i]) : new Row(Side.SELL, null, null));
        }
        rows.add(new Row(null, null, null));
        List<BookLevel> bids = book.bids().subList(0, Math.min(perSide, book.bids().size()));
        BigDecimal[] bidCumulative = cumulative(bids);
        for (int i = 0; i < bids.size(); i++) {
            rows.add(new Row(Side.BUY, bids.get(i), bidCumulative[i]));
        }
        BigDecimal maxCumulative = BigDecimal.ONE;
        if (askCumulative.length > 0) maxCumulative = maxCumulative.max(askCumulative[askCumulative.length - 1]);
        if (bidCumulative.length > 0) maxCumulative = maxCumulative.max(bidCumulative[bidCumulative.length - 1]);
        double max = maxCumulative.doubleValue();

        double colPrice = w * 0.30;
        double colSize = w * 0.62;
        double colCum = w - 6;
        g.setFill(p.muted());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            double y = i * ROW;
            if (row.side() == null) {
                drawSpread(g, p, book, w, y, priceDecimals);
                continue;
            }
            if (row.level() == null) {
                continue;
            }
            // Display only: the bar's length is a proportion, never an amount.
            double bar = w * row.cumulative().doubleValue() / max;
            g.setFill(row.side() == Side.BUY ? p.buyBar() : p.sellBar());
            g.fillRect(w - bar, y + 1, bar, ROW - 2);
            if (i == hover) {
                g.setFill(p.highlight());
                g.fillRect(0, y, w, ROW);
            }
            g.setTextAlign(TextAlignment.RIGHT);
            g.setFill(row.side() == Side.BUY ? p.buy() : p.sell());
            g.fillText(Numbers.format(row.level().price(), priceDecimals), colPrice, y + ROW / 2);
            g.setFill(p.text());
            g.fillText(Numbers.format(row.level().quantity(), sizeDecimals), colSize, y + ROW / 2);
            g.setFill(p.muted());
            g.fillText(Numbers.format(row.cumulative(), sizeDecimals), colCum, y + ROW / 2);
        }
    }

    private static void drawSpread(GraphicsContext g, Palette p, Book book, double w, double y, int decimals) {
        g.setStroke(p.grid());
        g.strokeLine(0, y + 0.5, w, y + 0.5);
        g.strokeLine(0, y + ROW - 0.5, w, y + ROW - 0.5);
        g.setFill(p.muted());
        g.setTextAlign(TextAlignment.CENTER);
        String text = "Spread —";
        if (!book.bids().isEmpty() && !book.asks().isEmpty()) {
            BigDecimal spread = book.asks().getFirst().price().subtract(book.bids().getFirst().price());
            text = "Spread " + Numbers.format(spread, decimals);
        }
        g.fillText(text, w / 2, y + ROW / 2);
    }

    private static BigDecimal[] cumulative(List<BookLevel> levels) {
        BigDecimal[] out = new BigDecimal[levels.size()];
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < levels.size(); i++) {
            sum = sum.add(levels.get(i).quantity());
            out[i] = sum;
        }
        return out;
    }
}
