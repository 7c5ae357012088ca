package io.orderbook.adapters.redis;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

/**
 * A Redis server as given by a {@code redis://[[user]:password@]host[:port][/database]} URL
 * ({@code rediss://} for TLS). {@link #toString()} never shows the password.
 */
public record RedisEndpoint(boolean tls, String host, int port, int database, Optional<String> user,
                            Optional<String> password) {

    public static final int DEFAULT_PORT = 6379;

    public RedisEndpoint {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("Redis port must be from 1 to 65535, was " + port);
        }
        if (database < 0) {
            throw new IllegalArgumentException("Redis database must not be negative, was " + database);
        }
    }

    /**
     * Parses a Redis URL.
     *
     * @throws IllegalArgumentException with a message that names the problem but not the password
     */
    public static RedisEndpoint parse(String url) {
        try {
            return parse(new URI(Objects.requireNonNull(url, "url")));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL (expected redis://host:port)");
        }
    }

    /** Parses a Redis URL; see {@link #parse(String)}. */
    public static RedisEndpoint parse(URI url) {
        String scheme = url.getScheme();
        if (!"redis".equalsIgnoreCase(scheme) && !"rediss".equalsIgnoreCase(scheme)) {
            throw new IllegalArgumentException("must start with redis:// or rediss:// (e.g. redis://localhost:6379)");
        }
        if (url.getHost() == null || url.getHost().isBlank()) {
            throw new IllegalArgumentException("has no host (expected redis://host:port)");
        }
        if (url.getQuery() != null || url.getFragment() != null) {
            throw new IllegalArgumentException("must not have a query or fragment");
        }
        int database = 0;
        String path = url.getPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            try {
                database = Integer.parseInt(path.substring(1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("path must be a database number such as /0");
            }
            if (database < 0) {
                throw new IllegalArgumentException("database number must not be negative");
            }
        }
        Optional<String> user = Optional.empty();
        Optional<String> password = Optional.empty();
        String userInfo = url.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            String rawUser = colon < 0 ? userInfo : userInfo.substring(0, colon);
            String rawPassword = colon < 0 ? "" : userInfo.substring(colon + 1);
            // redis://secret@host is the old form where the only part is the password.
            if (colon < 0) {
                rawPassword = rawUser;
                rawUser = "";
            }
            user = Optional.of(decode(rawUser)).filter(s -> !s.isEmpty());
            password = Optional.of(decode(rawPassword)).filter(s -> !s.isEmpty());
        }
        int port = url.getPort() == -1 ? DEFAULT_PORT : url.getPort();
        return new RedisEndpoint("rediss".equalsIgnoreCase(scheme), url.getHost(), port, database, user, password);
    }

    /** The URL with any password replaced, safe to log. */
    public static String redact(URI url) {
        if (url.getRawUserInfo() == null) {
            return url.toString();
        }
        return url.toString().replace(url.getRawUserInfo() + "@", "<redacted>@");
    }

    /** The address Redisson connects to, without credentials: {@code redis://host:port}. */
    public String address() {
        String bracketedHost = host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
        return (tls ? "rediss" : "redis") + "://" + bracketedHost + ":" + port;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "RedisEndpoint[" + address() + "/" + database + ", user=" + user.orElse("<none>")
                + ", password=" + (password.isPresent() ? "<redacted>" : "<none>") + "]";
    }
}
