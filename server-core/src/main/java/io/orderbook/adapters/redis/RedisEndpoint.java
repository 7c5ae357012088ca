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
 *
 * @param tls      whether to connect with TLS ({@code rediss://})
 * @param host     the host name or address; an IPv6 address with or without brackets
 * @param port     the TCP port, 1 to 65535
 * @param database the logical database number, 0 or more
 * @param user     the ACL user; empty for the default user
 * @param password the password; empty for none
 */
public record RedisEndpoint(boolean tls, String host, int port, int database, Optional<String> user,
                            Optional<String> password) {

    /** The port used when a URL names none. */
    public static final int DEFAULT_PORT = 6379;

    /**
     * Checks the endpoint.
     *
     * @throws IllegalArgumentException if the port is out of range or the database is negative
     */
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
     * @param url {@code redis://[[user]:password@]host[:port][/database]} or the same with {@code rediss://}
     * @return the endpoint; port {@value #DEFAULT_PORT} and database 0 unless the URL says otherwise
     * @throws IllegalArgumentException with a message that names the problem but not the password
     */
    public static RedisEndpoint parse(String url) {
        try {
            return parse(new URI(Objects.requireNonNull(url, "url")));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URL (expected redis://host:port)");
        }
    }

    /**
     * Parses a Redis URL; see {@link #parse(String)}.
     *
     * @param url {@code redis://[[user]:password@]host[:port][/database]} or the same with {@code rediss://}
     * @return the endpoint
     * @throws IllegalArgumentException with a message that names the problem but not the password
     */
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

    /**
     * Hides the credentials in a Redis URL so it can be logged.
     *
     * @param url a Redis URL
     * @return the URL with its user information replaced by {@code <redacted>}
     */
    public static String redact(URI url) {
        if (url.getRawUserInfo() == null) {
            return url.toString();
        }
        return url.toString().replace(url.getRawUserInfo() + "@", "<redacted>@");
    }

    /** {@return the address Redisson connects to, without credentials: {@code redis://host:port} or {@code rediss://host:port}} */
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
