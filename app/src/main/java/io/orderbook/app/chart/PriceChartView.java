package io.orderbook.app.chart;

import io.orderbook.app.common.AreaPane;
import javafx.scene.Node;
import javafx.scene.layout.StackPane;

/** The selected market's price chart. */
public final class PriceChartView {

    private final StackPane plotArea = new StackPane();
    private final AreaPane root = new AreaPane("Chart", plotArea);

    public PriceChartView() {
        plotArea.getStyleClass().add("plot-area");
    }

    public Node root() {
        return root;
    }
}
