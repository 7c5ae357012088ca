package io.orderbook.app.common;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;

/** A pane whose canvas always fills it, redrawn when resized. Canvas drawing is much cheaper than many nodes. */
public class CanvasPane extends Pane {

    protected final Canvas canvas = new Canvas();
    private final Runnable redraw;

    public CanvasPane(Runnable redraw) {
        this.redraw = redraw;
        getChildren().add(canvas);
        setMinSize(0, 0);
    }

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
