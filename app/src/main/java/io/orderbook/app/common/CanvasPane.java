package io.orderbook.app.common;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;

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
