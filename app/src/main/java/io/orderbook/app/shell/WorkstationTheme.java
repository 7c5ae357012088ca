package io.orderbook.app.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;

/** The colour themes the workstation offers, each backed by an AtlantaFX theme. */
public enum WorkstationTheme {
    /** Dark background (AtlantaFX Primer Dark); the default. */
    DARK(new PrimerDark()),
    /** Light background (AtlantaFX Primer Light). */
    LIGHT(new PrimerLight());

    private final Theme theme;

    WorkstationTheme(Theme theme) {
        this.theme = theme;
    }

    /**
     * The theme's stylesheet.
     *
     * @return the URL to install with {@code Application.setUserAgentStylesheet}
     */
    public String userAgentStylesheet() {
        return theme.getUserAgentStylesheet();
    }
}
