package io.orderbook.app.common;

import javafx.scene.paint.Color;

/**
 * Colours for what the workstation draws itself on canvases, matched to the AtlantaFX Primer themes (CSS
 * variables do not reach a canvas).
 *
 * @param background the canvas background
 * @param text       ordinary text
 * @param muted      secondary text: axis labels, sizes, hints
 * @param grid       grid and separator lines
 * @param buy        bids and rising prices
 * @param sell       asks and falling prices
 * @param buyBar     translucent fill behind bids (depth) and under rising candles (volume)
 * @param sellBar    translucent fill behind asks (depth) and under falling candles (volume)
 * @param highlight  translucent fill of the row under the mouse
 * @param crosshair  the chart's crosshair lines
 */
public record Palette(Color background, Color text, Color muted, Color grid, Color buy, Color sell, Color buyBar,
                      Color sellBar, Color highlight, Color crosshair) {

    /** For the dark theme (Primer Dark). */
    public static final Palette DARK = new Palette(Color.web("#0d1117"), Color.web("#c9d1d9"), Color.web("#8b949e"),
            Color.web("#21262d"), Color.web("#3fb950"), Color.web("#f85149"), Color.web("#3fb950", 0.18),
            Color.web("#f85149", 0.18), Color.web("#388bfd", 0.25), Color.web("#8b949e"));
    /** For the light theme (Primer Light). */
    public static final Palette LIGHT = new Palette(Color.web("#ffffff"), Color.web("#24292f"), Color.web("#57606a"),
            Color.web("#d0d7de"), Color.web("#1a7f37"), Color.web("#cf222e"), Color.web("#1a7f37", 0.15),
            Color.web("#cf222e", 0.15), Color.web("#0969da", 0.18), Color.web("#57606a"));
}
