package io.orderbook.app.client;

import java.net.URI;
import java.util.Objects;
import java.util.prefs.Preferences;

/**
 * How to reach the server: embedded (the default) or a remote URL such as {@code http://host:8080}. Remembered
 * between runs in the user's preferences.
 *
 * @param mode      embedded or remote
 * @param remoteUrl the remote server's base URL; kept even in embedded mode so the dialog shows it again
 */
public record ConnectionSettings(ConnectionMode mode, URI remoteUrl) {

    /** What a fresh installation offers for remote mode. */
    public static final URI DEFAULT_REMOTE_URL = URI.create("http://127.0.0.1:8080");

    private static final String MODE_KEY = "connection.mode";
    private static final String URL_KEY = "connection.url";
    private static final String USER_KEY = "connection.username";

    /**
     * Checks that both parts are there.
     *
     * @throws NullPointerException if mode or remoteUrl is null
     */
    public ConnectionSettings {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(remoteUrl, "remoteUrl");
    }

    /**
     * Chooses embedded mode.
     *
     * @return embedded mode, remembering the default remote URL
     */
    public static ConnectionSettings embedded() {
        return new ConnectionSettings(ConnectionMode.EMBEDDED, DEFAULT_REMOTE_URL);
    }

    /**
     * Remembers another remote URL.
     *
     * @param url the remote server's base URL
     * @return the same mode with that URL
     */
    public ConnectionSettings withRemoteUrl(URI url) {
        return new ConnectionSettings(mode, url);
    }

    /**
     * Chooses a remote server.
     *
     * @param url the remote server's base URL, e.g. {@code http://host:8080}
     * @return remote mode with that URL
     */
    public static ConnectionSettings remote(URI url) {
        return new ConnectionSettings(ConnectionMode.REMOTE, url);
    }

    /**
     * Reads the last saved choice.
     *
     * @param prefs where {@link #save} keeps it
     * @return the saved choice; embedded mode (and the default URL) for what is missing or unreadable
     */
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

    /**
     * Saves this choice and the username (never the password) as the next start's defaults.
     *
     * @param prefs    where to keep them
     * @param username the login name to offer next time; null keeps the saved one
     */
    public void save(Preferences prefs, String username) {
        prefs.put(MODE_KEY, mode.name());
        prefs.put(URL_KEY, remoteUrl.toString());
        if (username != null) {
            prefs.put(USER_KEY, username);
        }
    }

    /**
     * Reads the username saved with the last choice.
     *
     * @param prefs where {@link #save} keeps it
     * @return the username, or an empty string when none was saved
     */
    public static String lastUsername(Preferences prefs) {
        return prefs.get(USER_KEY, "");
    }
}
