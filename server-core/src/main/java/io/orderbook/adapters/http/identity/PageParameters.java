package io.orderbook.adapters.http.identity;

import io.javalin.http.Context;
import io.orderbook.adapters.http.QueryParameters;
import io.orderbook.adapters.http.problem.Violations;
import io.orderbook.adapters.persistence.Page;
import io.orderbook.adapters.persistence.PageRequest;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Cursor pagination as the API documents it: {@code limit} (1 to 500, default 50) and an opaque
 * {@code cursor} taken from the previous page's {@code nextCursor}. Clients must not build cursors;
 * today a cursor names a position in the list ordered by id.
 */
public final class PageParameters {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    static final int MAX_CURSOR_LENGTH = 200;
    private static final String CURSOR_MARK = "o";

    private PageParameters() {
    }

    /**
     * Reads the {@code limit} and {@code cursor} query parameters.
     *
     * @param ctx the request
     * @return the page they ask for; the first 50 rows when both are absent
     * @throws io.orderbook.adapters.http.problem.ApiProblem 400 {@code VALIDATION_FAILED} naming each bad parameter
     */
    public static PageRequest pageRequest(Context ctx) {
        Violations violations = new Violations();
        int limit = QueryParameters.limit(ctx, DEFAULT_LIMIT, MAX_LIMIT, violations);
        long offset = 0;
        String cursor = ctx.queryParam("cursor");
        if (cursor != null && !cursor.isEmpty()) {
            offset = offsetOf(cursor);
            violations.check(offset >= 0, "cursor", "is not a cursor from a previous page");
        }
        violations.throwIfAny();
        return new PageRequest(offset, limit);
    }

    /** The cursor of the page after {@code page}, or null when it is the last. */
    static String nextCursor(Page<?> page) {
        if (!page.hasNext()) return null;
        long next = page.request().offset() + page.items().size();
        return Base64.getUrlEncoder().withoutPadding().encodeToString((CURSOR_MARK + next).getBytes(StandardCharsets.US_ASCII));
    }

    // Offsets stay within int range: the repositories page with int offsets.
    private static long offsetOf(String cursor) {
        if (cursor.length() > MAX_CURSOR_LENGTH) return -1;
        String decoded;
        try {
            decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            return -1;
        }
        if (!decoded.startsWith(CURSOR_MARK)) return -1;
        return QueryParameters.naturalNumber(decoded.substring(CURSOR_MARK.length()));
    }
}
