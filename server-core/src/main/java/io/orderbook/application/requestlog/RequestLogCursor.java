package io.orderbook.application.requestlog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;

/**
 * Where the next page of a request log search starts: at entries that occurred at or before
 * {@code through}, skipping the first {@code skip} of them (entries at exactly {@code through} that the
 * previous pages already returned). Keyed by time rather than by a row offset, so entries that arrive while
 * a client pages through the log never shift the pages or appear twice; the traversal shows the log as it
 * was when the first page was read. (One exception, too rare to matter: an entry stored late with exactly
 * the microsecond of a page's last entry can shift that boundary by one.)
 *
 * <p>Clients see it as an opaque text ({@link #encode()}); it carries no secret and needs no signature,
 * because a forged cursor can only select rows the reader may see anyway.
 *
 * @param through the newest time the next page may start at (inclusive)
 * @param skip    how many entries at exactly {@code through} earlier pages returned, 0 to 10^9
 */
public record RequestLogCursor(Instant through, long skip) {

    private static final String VERSION = "1";
    /** More rows with one identical timestamp than this is not a real log. */
    private static final long MAX_SKIP = 1_000_000_000L;

    /** Checks that {@code through} is given and {@code skip} is in range. */
    public RequestLogCursor {
        Objects.requireNonNull(through, "through");
        if (skip < 0 || skip > MAX_SKIP) {
            throw new IllegalArgumentException("skip must be from 0 to " + MAX_SKIP);
        }
    }

    /** {@return the cursor as URL-safe text, for the {@code cursor} query parameter} */
    public String encode() {
        String plain = VERSION + "." + through.getEpochSecond() + "." + through.getNano() + "." + skip;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * Reads a cursor made by {@link #encode()}.
     *
     * @param text the text a client sent back
     * @return the cursor
     * @throws IllegalArgumentException when the text is not such a cursor
     */
    public static RequestLogCursor decode(String text) {
        Objects.requireNonNull(text, "text");
        try {
            String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.US_ASCII);
            String[] parts = plain.split("\\.", -1);
            if (parts.length != 4 || !parts[0].equals(VERSION)) {
                throw new IllegalArgumentException("not a request log cursor");
            }
            long seconds = Long.parseLong(parts[1]);
            int nanos = Integer.parseInt(parts[2]);
            if (nanos < 0 || nanos > 999_999_999) {
                throw new IllegalArgumentException("not a request log cursor");
            }
            return new RequestLogCursor(Instant.ofEpochSecond(seconds, nanos), Long.parseLong(parts[3]));
        } catch (RuntimeException e) {
            // Base64, number and Instant range failures all mean the same to the caller.
            throw new IllegalArgumentException("not a request log cursor", e);
        }
    }
}
