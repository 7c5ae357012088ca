package io.orderbook.loadtest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * The two ways the trading load is applied. Each phase warms up first (its requests are not counted), then
 * measures for a fixed time.
 *
 * <ul>
 *   <li>{@link #closedLoop}: as fast as the server answers. Each of many connections sends its next
 *       request as soon as the last one is answered; latency is each request's own round trip.</li>
 *   <li>{@link #openLoop}: at a fixed rate whatever the server does. Requests have intended send times spread
 *       evenly over the connections; a request sent late (its connection still waiting for an earlier answer) is
 *       timed from when it should have been sent, so a stall shows in the latencies instead of hiding behind the
 *       requests it delayed (coordinated omission).</li>
 * </ul>
 */
final class TradingLoadPhases {

    /** One phase's figures; {@code usage} is the CPU and WAL used while the phase was measured. */
    record Phase(String name, Duration measured, PhaseStats stats, Histogram latencies, TradingLoadCpu.Usage usage) {

        double requestsPerSecond() {
            return stats.acknowledgedRequests() / seconds();
        }

        double ordersPerSecond() {
            return (stats.acknowledged(OrderFlow.Kind.RESTING) + stats.acknowledged(OrderFlow.Kind.CROSSING)) / seconds();
        }

        double millis(double percentile) {
            return latencies.getValueAtPercentile(percentile) / 1e6;
        }

        private double seconds() {
            return measured.toNanos() / 1e9;
        }
    }

    private final int port;
    private final List<TradingLoadSetup.Trader> traders;
    private final List<String> markets;
    /** Acknowledged places over all phases, warm-ups included: what the database must hold afterwards. */
    private final java.util.concurrent.atomic.LongAdder acknowledgedPlaces = new java.util.concurrent.atomic.LongAdder();
    private final Supplier<TradingLoadCpu.Usage> usage;
    private long seed = 1;

    TradingLoadPhases(int port, List<TradingLoadSetup.Trader> traders, List<String> markets,
                      Supplier<TradingLoadCpu.Usage> usage) {
        this.port = port;
        this.traders = traders;
        this.markets = markets;
        this.usage = usage;
    }

    /** Orders acknowledged (201) in every phase so far, warm-ups included. */
    long acknowledgedPlaces() {
        return acknowledgedPlaces.sum();
    }

    Phase closedLoop(int clients, Duration warmup, Duration measure) throws InterruptedException {
        PhaseStats discarded = new PhaseStats();
        PhaseStats measured = new PhaseStats();
        Recording recording = new Recording(discarded);
        AtomicBoolean running = new AtomicBoolean(true);
        Thread loop = start("closed-loop", flows(clients),
                LoadLoop.Pacing.asFastAsAnswered(running::get, () -> recording.target));
        Thread.sleep(warmup);
        recording.target = measured;
        long start = System.nanoTime();
        TradingLoadCpu.Usage before = usage.get();
        Thread.sleep(measure);
        recording.target = discarded;
        long elapsed = System.nanoTime() - start;
        TradingLoadCpu.Usage used = usage.get().since(before);
        running.set(false);
        loop.join(Duration.ofSeconds(40));
        return new Phase("closed loop, " + clients + " clients", Duration.ofNanos(elapsed), measured,
                measured.latencies(), used);
    }

    Phase openLoop(double ratePerSecond, int connections, Duration warmup, Duration measure)
            throws InterruptedException {
        PhaseStats discarded = new PhaseStats();
        PhaseStats measuredStats = new PhaseStats();
        long period = (long) (1e9 / ratePerSecond);
        long t0 = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long measureFrom = t0 + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        long[] sent = new long[connections];
        Thread loop = start("open-loop", flows(connections), new LoadLoop.Pacing<>() {
            @Override
            public long nextDue(int lane, long now) {
                // Connection c sends requests c, c + connections, c + 2 connections, ... of an even schedule.
                long intended = t0 + (lane + sent[lane]++ * connections) * period;
                return intended >= end ? LoadLoop.DONE : intended;
            }

            @Override
            public PhaseStats statsFor(long due) {
                return due >= measureFrom ? measuredStats : discarded;
            }
        });
        for (long wait = measureFrom - System.nanoTime(); wait > 0; wait = measureFrom - System.nanoTime()) {
            LockSupport.parkNanos(wait); // may return early
        }
        TradingLoadCpu.Usage before = usage.get();
        loop.join();
        TradingLoadCpu.Usage used = usage.get().since(before);
        // A server that falls behind answers the last requests after the planned end: the rate is what it achieved.
        Duration measured = Duration.ofNanos(Math.max(end, System.nanoTime()) - measureFrom);
        return new Phase(String.format(java.util.Locale.ROOT, "open loop, %,.0f req/s, %d connections", ratePerSecond,
                connections), measured, measuredStats, measuredStats.latencies(), used);
    }

    private Thread start(String name, List<OrderFlow> flows, LoadLoop.Pacing<PhaseStats> pacing) {
        LoadLoop<PhaseStats> loop = new LoadLoop<>(port, flows);
        return Thread.ofPlatform().name(name).start(() -> {
            try {
                loop.run(pacing);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private List<OrderFlow> flows(int count) {
        List<OrderFlow> flows = new ArrayList<>(count);
        for (int c = 0; c < count; c++) flows.add(flow(c));
        return flows;
    }

    private OrderFlow flow(int client) {
        return new OrderFlow(port, traders.get(client % traders.size()), markets, seed++, acknowledgedPlaces);
    }

    /** Where closed-loop clients record now: swapped from the warm-up's stats to the measured ones and back. */
    private static final class Recording {
        volatile PhaseStats target;

        Recording(PhaseStats target) {
            this.target = target;
        }
    }
}
