package io.orderbook.app.common;

import javafx.scene.Node;
import javafx.scene.control.TitledPane;

/** A titled, always-open frame around one screen area of the workstation. */
public final class AreaPane extends TitledPane {

    /**
     * Frames a screen area.
     *
     * @param title   the area's heading
     * @param content the area's screen
     */
    public AreaPane(String title, Node content) {
        super(title, content);
        setCollapsible(false);
        // A titled pane is capped at its preferred size by default; an area fills the slot it is given.
        setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        getStyleClass().add("area-pane");
    }
}
