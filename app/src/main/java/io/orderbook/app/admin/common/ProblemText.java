package io.orderbook.app.admin.common;

import java.util.List;
import java.util.Objects;

/**
 * What to tell the user about a failed call: the server's problem title and detail and, for invalid
 * input, one line per field; for a failure without a server problem (connection lost), its message.
 *
 * @param fieldErrors lines such as {@code password: must have at least 12 characters}
 */
record ProblemText(String title, String detail, List<String> fieldErrors) {

    ProblemText {
        Objects.requireNonNull(title, "title");
        detail = detail == null ? "" : detail;
        fieldErrors = List.copyOf(fieldErrors);
    }

    /** Describes any failure of a server call. */
    static ProblemText of(Throwable failure) {
        return ProblemReader.read(failure);
    }
}
