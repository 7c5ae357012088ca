package io.orderbook.bootstrap;

import java.util.List;

/** The server configuration is invalid; the message lists every problem found, never a secret's value. */
public final class ConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The problems found, one message each. */
    private final List<String> problems;

    /** An exception whose message lists {@code problems}, one a line. */
    ConfigurationException(List<String> problems) {
        super("Invalid configuration:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * Each problem on its own.
     *
     * @return the problems, e.g. {@code "HTTP_PORT must be a number from 0 to 65535"}; never empty
     */
    public List<String> problems() {
        return problems;
    }
}
