package io.orderbook.app.shell;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import atlantafx.base.theme.Theme;

/** The colour themes the workstation offers, each backed by an AtlantaFX theme. */
public enum WorkstationTheme {
    DARK(new PrimerDark()),
    LIGHT(new PrimerLight());

    private final Theme theme;

    WorkstationTheme(Theme theme) {
        this.theme = theme;
    }

    /** The stylesheet to install with {@code Application.setUserAgentStylesheet}. */
    public String userAgentStylesheet() {
        return theme.getUserAgentStylesheet();
    }
}
