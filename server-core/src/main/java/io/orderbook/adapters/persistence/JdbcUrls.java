package io.orderbook.adapters.persistence;

import java.util.regex.Pattern;

/** Helpers for JDBC URLs that may carry a password as a query parameter. */
public final class JdbcUrls {

    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)([?&](?:password|sslpassword)=)[^&]*");

    private JdbcUrls() {
    }

    /**
     * Hides passwords in a JDBC URL so it can be logged.
     *
     * @param jdbcUrl a JDBC URL, or {@code null}
     * @return the URL with any {@code password=} or {@code sslpassword=} value replaced; {@code null} for {@code null}
     */
    public static String redact(String jdbcUrl) {
        return jdbcUrl == null ? null : PASSWORD_PARAMETER.matcher(jdbcUrl).replaceAll("$1<redacted>");
    }
}
