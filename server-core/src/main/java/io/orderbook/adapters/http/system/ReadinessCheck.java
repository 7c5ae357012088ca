package io.orderbook.adapters.http.system;

import java.util.Objects;

/** One dependency the server needs to serve traffic (database, Redis, ...), probed by {@code GET /api/v1/health}. */
public interface ReadinessCheck {

    /** {@return a short stable name shown in the health report, e.g. {@code database}} */
    String name();

    /**
     * Returns when the dependency is usable; throws (anything) when it is not. Should finish well within a second.
     *
     * @throws Exception when the dependency is not usable
     */
    void probe() throws Exception;

    /**
     * A check from a name and a probe, e.g. {@code ReadinessCheck.of("database", () -> dataSource.getConnection().close())}.
     *
     * @param name  the name shown in the health report
     * @param probe returns when the dependency is usable, throws when it is not
     * @return the check
     */
    static ReadinessCheck of(String name, Probe probe) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(probe, "probe");
        return new ReadinessCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void probe() throws Exception {
                probe.run();
            }
        };
    }

    /** The body of a check. */
    @FunctionalInterface
    interface Probe {
        /**
         * Probes the dependency.
         *
         * @throws Exception when the dependency is not usable
         */
        void run() throws Exception;
    }
}
