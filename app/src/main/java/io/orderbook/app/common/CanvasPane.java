package io.orderbook.app.common;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;

/** A pane whose canvas always fills it, redrawn when resized. Canvas drawing is much cheaper than many nodes. */
public final class CanvasPane extends Pane {

    private final Canvas canvas = new Canvas();
    private final Runnable redraw;

    /**
     * Creates the pane with an empty canvas.
     *
     * @param redraw draws the whole canvas; called on the FX thread after each change of size
     */
    public CanvasPane(Runnable redraw) {
        this.redraw = redraw;
        getChildren().add(canvas);
        setMinSize(0, 0);
    }

    /**
     * The canvas to draw on.
     *
     * @return the canvas, as large as the pane
     */
    public Canvas canvas() {
        return canvas;
    }

    /**
     * Starts a full redraw: fills the canvas with the background and sets the font, text centred vertically.
     *
     * @param background what the whole canvas is painted with first
     * @param font       the font for the text drawn next
     * @return the canvas's graphics context, ready to draw on
     */
    public GraphicsContext clear(Paint background, Font font) {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.setFill(background);
        g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
        g.setFont(font);
        g.setTextBaseline(VPos.CENTER);
        return g;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            redraw.run();
        }
    }
}
