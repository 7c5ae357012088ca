package io.orderbook.app.common;

import java.util.prefs.Preferences;

/**
 * Where the workstation remembers things between runs (connection choice, window layout, theme, last market): a
 * user preferences node, {@code orderbook-workstation} unless the system property {@code obw.prefs.node} names
 * another (tests use their own so they never change the user's).
 */
public final class WorkstationPrefs {

    private WorkstationPrefs() {
    }

    /**
     * The workstation's preferences node.
     *
     * @return the user preferences node, created if missing
     */
    public static Preferences node() {
        return Preferences.userRoot().node(System.getProperty("obw.prefs.node", "orderbook-workstation"));
    }
}
