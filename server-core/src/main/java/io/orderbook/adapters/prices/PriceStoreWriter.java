package io.orderbook.adapters.prices;

import io.orderbook.application.prices.PriceTick;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes price batches to the stores (the history in PostgreSQL, the latest prices in Redis) from a thread of its
 * own, in the order given. Batches that queue up go into the next write together, and writes start at most once per
 * interval: at 50,000 events a second the consumer hands over some 300 batches a second, and one transaction per
 * batch cost PostgreSQL more than the bars themselves (the events of one token and second merge into one bar, so a
 * write of many batches has hardly more rows than a write of one), as one Redis call per batch cost Redis.
 */
public final class PriceStoreWriter implements AutoCloseable {

    private final Consumer<List<PriceTick>> stores;
    private final long intervalNanos;
    private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    /**
     * Starts the writing thread.
     *
     * @param stores   stores one combined batch, e.g. with {@code PostgresPriceHistory.append} and
     *                 {@link RedisLatestPrices#recordAsync}; throws if that failed
     * @param interval the least time from the start of one write to the start of the next
     */
    public PriceStoreWriter(Consumer<List<PriceTick>> stores, Duration interval) {
        this.stores = Objects.requireNonNull(stores, "stores");
        this.intervalNanos = interval.toNanos();
        this.writer = Thread.ofPlatform().name("price-store").daemon().start(this::run);
    }

    /**
     * Queues a batch.
     *
     * @param ticks the batch
     * @return completes once it is stored, or fails with the write's failure
     */
    public CompletableFuture<Void> store(List<PriceTick> ticks) {
        Queued queued = new Queued(List.copyOf(ticks), new CompletableFuture<>());
        if (!running) {
            queued.done().completeExceptionally(new IllegalStateException("the price store writer is closed"));
            return queued.done();
        }
        queue.add(queued);
        return queued.done();
    }

    /** Writes what is queued, then stops. */
    @Override
    public void close() {
        running = false;
        writer.interrupt();
        try {
            writer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        List<Queued> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(q -> q.done().completeExceptionally(new IllegalStateException("the price store writer closed")));
    }

    private void run() {
        List<Queued> work = new ArrayList<>();
        long lastWrite = System.nanoTime() - intervalNanos;
        while (running || !queue.isEmpty()) {
            try {
                work.add(running ? queue.take() : queue.remove());
            } catch (InterruptedException e) {
                continue;
            }
            pauseUntil(lastWrite + intervalNanos);
            queue.drainTo(work);
            lastWrite = System.nanoTime();
            List<PriceTick> all = new ArrayList<>();
            work.forEach(q -> all.addAll(q.ticks()));
            try {
                stores.accept(all);
                work.forEach(q -> q.done().complete(null));
            } catch (RuntimeException e) {
                work.forEach(q -> q.done().completeExceptionally(e));
            }
            work.clear();
        }
    }

    /** Sleeps until {@code due} unless closing: what is queued is then written at once. */
    private void pauseUntil(long due) {
        long wait = due - System.nanoTime();
        if (wait > 0 && running) {
            try {
                TimeUnit.NANOSECONDS.sleep(wait);
            } catch (InterruptedException e) {
                // close() interrupts: write what is queued now
            }
        }
    }

    private record Queued(List<PriceTick> ticks, CompletableFuture<Void> done) {
    }
}
