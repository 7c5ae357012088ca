package io.orderbook.bench;

import io.orderbook.domain.book.OrderBook;
import io.orderbook.domain.engine.MatchingEngine;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The generated workload and a fresh engine or book per invocation. Building the engine and replaying the
 * funding and prefill happens in {@code @Setup(Level.Invocation)}, outside the measured time; one
 * invocation replays the whole measured stream of {@link #COMMANDS} commands.
 */
public class WorkloadState {
    /** Measured commands per invocation (and per replay). */
    public static final int COMMANDS = 1_000_000;
    static final int ACCOUNTS = 2_000;
    static final int RESTING_ORDERS = 1_000;

    @State(Scope.Thread)
    public abstract static class Base {
        @Param("42")
        public long seed;

        /** CUBE: 1 + r^3 lots, r in 0..6 (the issue); PRODUCT: 1 + r1*r2*r3, r in 0..5 (exchange-core). */
        @Param("CUBE")
        public LotSizes lotSizes;

        ThroughputWorkload workload;

        @Setup(Level.Trial)
        public void generate() {
            long start = System.nanoTime();
            workload = ThroughputWorkload.get(seed, lotSizes, ACCOUNTS, RESTING_ORDERS, COMMANDS);
            System.out.printf("%n(generated in %d ms)%n%s", (System.nanoTime() - start) / 1_000_000,
                    workload.describe());
        }
    }

    /** The matching engine with balance checks, fees, settlement and events. */
    public static class Engine extends Base {
        final CountingSink sink = new CountingSink();
        MatchingEngine engine;
        long invocations;

        @Setup(Level.Trial)
        public void wireSink(Blackhole blackhole) {
            sink.blackhole = blackhole;
        }

        @Setup(Level.Invocation)
        public void freshEngine() {
            engine = workload.newEngine(sink);
            sink.reset();
        }

        @TearDown(Level.Invocation)
        public void checkReplay() {
            // A replay that differs from the generated one would measure some other workload.
            if (sink.events != workload.measuredEvents || sink.rejections != workload.measuredRejections) {
                throw new IllegalStateException("replay diverged: " + sink.events + " events, " + sink.rejections
                        + " rejections; expected " + workload.measuredEvents + " and " + workload.measuredRejections);
            }
            invocations++;
        }
    }

    /** The order book alone: the same stream as book calls, no validation, funds or events. */
    public static class Book extends Base {
        final CountingBookListener listener = new CountingBookListener();
        OrderBook book;
        int operations;

        @Setup(Level.Invocation)
        public void freshBook() {
            operations = workload.book.size() - workload.book.prefillOps();
            book = workload.book.newBook(listener);
            listener.reset();
        }

        @TearDown(Level.Invocation)
        public void checkReplay() {
            if (listener.trades != workload.measuredTrades) {
                throw new IllegalStateException("replay diverged: " + listener.trades + " trades, expected "
                        + workload.measuredTrades);
            }
        }
    }
}
