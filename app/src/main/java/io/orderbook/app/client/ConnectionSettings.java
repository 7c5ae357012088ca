package io.orderbook.app.client;

import java.net.URI;
import java.util.Objects;
import java.util.prefs.Preferences;

/**
 * How to reach the server: embedded (the default) or a remote URL such as {@code http://host:8080}. Remembered
 * between runs in the user's preferences.
 *
 * @param remoteUrl the remote server's base URL; kept even in embedded mode so the dialog shows it again
 */
public record ConnectionSettings(ConnectionMode mode, URI remoteUrl) {

    /** What a fresh installation offers for remote mode. */
    public static final URI DEFAULT_REMOTE_URL = URI.create("http://127.0.0.1:8080");

    private static final String MODE_KEY = "connection.mode";
    private static final String URL_KEY = "connection.url";
    private static final String USER_KEY = "connection.username";

    public ConnectionSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(remoteUrl, "remoteUrl");
    }

    /** Embedded mode. */
    public static ConnectionSettings embedded() {
        return new ConnectionSettings(ConnectionMode.EMBEDDED, DEFAULT_REMOTE_URL);
    }

    /** A remote server at this URL. */
    public static ConnectionSettings remote(URI url) {
        return new ConnectionSettings(ConnectionMode.REMOTE, url);
    }

    /** The last choice saved in {@code prefs}, or embedded mode. */
    public static ConnectionSettings load(Preferences prefs) {
        ConnectionMode mode;
        try {
            mode = ConnectionMode.valueOf(prefs.get(MODE_KEY, ConnectionMode.EMBEDDED.name()));
        } catch (IllegalArgumentException unknown) {
            mode = ConnectionMode.EMBEDDED;
        }
        URI url;
        try {
            url = URI.create(prefs.get(URL_KEY, DEFAULT_REMOTE_URL.toString()));
        } catch (IllegalArgumentException invalid) {
            url = DEFAULT_REMOTE_URL;
        }
        return new ConnectionSettings(mode, url);
    }

    /** Saves this choice and the username (never the password) as the next start's defaults. */
    public void save(Preferences prefs, String username) {
        prefs.put(MODE_KEY, mode.name());
        prefs.put(URL_KEY, remoteUrl.toString());
        if (username != null) {
            prefs.put(USER_KEY, username);
        }
    }

    /** The username saved with the last choice, or empty. */
    public static String lastUsername(Preferences prefs) {
        return prefs.get(USER_KEY, "");
    }
}
