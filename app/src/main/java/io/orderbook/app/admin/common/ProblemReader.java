package io.orderbook.app.admin.common;

import io.orderbook.app.client.ClientException;
import java.util.List;

/** Reads the server's problem out of a failed call, for {@link ProblemText}. */
final class ProblemReader {

    private ProblemReader() {
    }

    static ProblemText read(Throwable failure) {
        if (failure instanceof ClientException problem) {
            String title = problem.status() > 0 ? problem.title() + " (" + problem.status() + ")" : problem.title();
            return new ProblemText(title, problem.detail(), problem.fieldErrors().stream()
                    .map(error -> error.field() + ": " + error.message()).toList());
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return new ProblemText("Unexpected failure", message, List.of());
    }
}
