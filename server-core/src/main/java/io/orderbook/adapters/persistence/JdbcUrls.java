package io.orderbook.adapters.persistence;

import java.util.regex.Pattern;

/** Helpers for JDBC URLs that may carry a password as a query parameter. */
public final class JdbcUrls {

    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)([?&](?:password|sslpassword)=)[^&]*");

    private JdbcUrls() {
    }

    /** The URL with any {@code password=} parameter value replaced, safe to log. */
    public static String redact(String jdbcUrl) {
        return jdbcUrl == null ? null : PASSWORD_PARAMETER.matcher(jdbcUrl).replaceAll("$1<redacted>");
    }
}
