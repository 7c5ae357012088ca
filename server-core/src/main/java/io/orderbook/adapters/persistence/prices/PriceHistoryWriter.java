package io.orderbook.adapters.persistence.prices;

import io.orderbook.application.prices.PriceTick;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Writes price batches to the {@link PostgresPriceHistory} from a thread of its own, in the order given. Batches that
 * queue up while a write runs go into the next write together, as one statement: under load the database sees fewer,
 * larger writes (and fewer bars, as events of the same token and second merge) instead of falling further behind.
 */
public final class PriceHistoryWriter implements AutoCloseable {

    private final Consumer<List<PriceTick>> history;
    private final BlockingQueue<Queued> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean running = true;

    /**
     * Starts the writing thread.
     *
     * @param history appends one combined batch, e.g. {@link PostgresPriceHistory#append}
     */
    public PriceHistoryWriter(Consumer<List<PriceTick>> history) {
        this.history = Objects.requireNonNull(history, "history");
        this.writer = Thread.ofPlatform().name("price-history").daemon().start(this::run);
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
            queued.done().completeExceptionally(new IllegalStateException("the price history writer is closed"));
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
        left.forEach(q -> q.done().completeExceptionally(new IllegalStateException("the price history writer closed")));
    }

    private void run() {
        List<Queued> work = new ArrayList<>();
        while (running || !queue.isEmpty()) {
            try {
                work.add(running ? queue.take() : queue.remove());
            } catch (InterruptedException e) {
                if (queue.isEmpty()) {
                    return;
                }
                continue;
            }
            queue.drainTo(work);
            List<PriceTick> all = new ArrayList<>();
            work.forEach(q -> all.addAll(q.ticks()));
            try {
                history.accept(all);
                work.forEach(q -> q.done().complete(null));
            } catch (RuntimeException e) {
                work.forEach(q -> q.done().completeExceptionally(e));
            }
            work.clear();
        }
    }

    private record Queued(List<PriceTick> ticks, CompletableFuture<Void> done) {
    }
}
