package io.orderbook.app.admin.architecture;

import java.io.InputStream;
import java.io.UncheckedIOException;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.ToolBar;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

/**
 * The API system diagram (request pipeline, shared state, API keys), the same picture as in the README.
 * It fits the window by default; the zoom slider shows details.
 */
public final class ArchitectureView {

    /** Rendered from assets/architecture.svg at twice its size, copied here by the build. */
    static final String DIAGRAM = "architecture.png";

    private final BorderPane root = new BorderPane();

    /** Builds the screen with the diagram, fitted to the window. */
    public ArchitectureView() {
        root.setId("architectureView");
        var image = new ImageView(loadDiagram());
        image.setPreserveRatio(true);
        image.setSmooth(true);
        image.setId("architectureDiagram");

        var zoom = new Slider(0, 1, 0);
        zoom.setPrefWidth(160);
        var scroll = new ScrollPane();
        var canvas = new StackPane(image);
        canvas.setAlignment(Pos.CENTER);
        canvas.getStyleClass().add("architecture-canvas");
        scroll.setContent(canvas);
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        // Zoom 0 fits the viewport; zoom 1 is the image's full resolution.
        image.fitWidthProperty().bind(Bindings.createDoubleBinding(() -> {
            double fit = Math.max(200, scroll.getViewportBounds().getWidth() - 16);
            double full = image.getImage().getWidth();
            return fit + (Math.max(full, fit) - fit) * zoom.getValue();
        }, scroll.viewportBoundsProperty(), zoom.valueProperty()));
        canvas.minWidthProperty().bind(image.fitWidthProperty());

        root.setTop(new ToolBar(new Label("API system: request pipeline, shared state and API keys"),
                new Label("  Zoom"), zoom));
        root.setCenter(scroll);
    }

    /**
     * The screen's node, for its tab.
     *
     * @return the root of the diagram and its zoom slider
     */
    public Node root() {
        return root;
    }

    private static Image loadDiagram() {
        try (InputStream in = ArchitectureView.class.getResourceAsStream(DIAGRAM)) {
            if (in == null) throw new IllegalStateException("the build did not copy " + DIAGRAM + " from assets/");
            return new Image(in);
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
