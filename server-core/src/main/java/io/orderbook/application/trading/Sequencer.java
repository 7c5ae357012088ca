package io.orderbook.application.trading;

import io.orderbook.domain.engine.CloseRetention;
import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.engine.MatchingEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The single writer of the matching engine, with group commit.
 *
 * <p>One thread owns the engine. It takes every command waiting in its queue (up to a batch size), applies
 * them one after another, makes the whole batch durable with one {@link TradingJournal#commit} and only then
 * completes the callers' futures and hands the results to subscribers: nothing is acknowledged before it is
 * durable, and throughput is not limited to one transaction per command. If a batch cannot be committed (or
 * the engine fails), its callers get a {@link SequencerUnavailableException} and the engine is rebuilt from
 * the journal, so memory never runs ahead of the durable state.
 *
 * <p>Repeated requests are answered before the engine sees them (see {@link RequestScreen}): a command whose
 * idempotency key was already answered gets that first answer back ({@link CommandResult.Status#REPLAYED}, or
 * {@link CommandResult.Status#IDEMPOTENCY_KEY_REUSED} for a different request under the same key), and an order
 * whose client order id its user already has is refused ({@link CommandResult.Status#DUPLICATE_CLIENT_ORDER_ID}).
 * The journal is asked once per batch about the keys the batch carries; the database's unique constraints stay
 * behind this as the last line of defence. The check is exact while one sequencer writes all of a user's orders,
 * which is the case as long as one engine holds every market (balances are shared across markets).
 */
public final class Sequencer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Sequencer.class);
    private static final Duration RECOVERY_BACKOFF = Duration.ofMillis(500);

    private final TradingJournal journal;
    private final int maxBatch;
    private final CloseRetention closeRetention;
    private final Consumer<List<CommandResult>> afterCommit;
    private final BlockingQueue<Task> queue = new LinkedBlockingQueue<>();
    private final List<EngineEvent> events = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    private MatchingEngine engine;
    private long sequence;

    /**
     * Rebuilds the engine from the journal and starts the sequencer thread, with {@link CloseRetention#DEFAULT}.
     *
     * @param journal     where batches are made durable and the engine's state is loaded from
     * @param maxBatch    most commands per durable commit
     * @param afterCommit receives the applied results of each committed batch (not replays or refusals), on the
     *                    sequencer thread; must be quick and not throw
     */
    public Sequencer(TradingJournal journal, int maxBatch, Consumer<List<CommandResult>> afterCommit) {
        this(journal, maxBatch, CloseRetention.DEFAULT, afterCommit);
    }

    /**
     * Rebuilds the engine from the journal and starts the sequencer thread.
     *
     * @param journal        where batches are made durable and the engine's state is loaded from
     * @param maxBatch       most commands per durable commit
     * @param closeRetention how long and how many filled orders the engine keeps closable; the journal must load
     *                       the same ones
     * @param afterCommit    receives the applied results of each committed batch (not replays or refusals), on the
     *                       sequencer thread; must be quick and not throw
     * @throws IllegalArgumentException if {@code maxBatch} is less than 1
     */
    public Sequencer(TradingJournal journal, int maxBatch, CloseRetention closeRetention,
                     Consumer<List<CommandResult>> afterCommit) {
        if (maxBatch < 1) {
            throw new IllegalArgumentException("maxBatch must be positive");
        }
        this.journal = journal;
        this.maxBatch = maxBatch;
        this.afterCommit = afterCommit;
        this.closeRetention = java.util.Objects.requireNonNull(closeRetention, "closeRetention");
        this.engine = MatchingEngine.restore(journal.load(), events::add, closeRetention);
        this.thread = Thread.ofPlatform().name("sequencer").daemon(false).start(this::run);
    }

    /**
     * Queues a command without context.
     *
     * @param command the command to apply
     * @return completes with the result once the command's effects are durable, or exceptionally with a
     *         {@link SequencerUnavailableException}
     */
    public CompletableFuture<CommandResult> submit(Command command) {
        return submit(command, CommandContext.NONE);
    }

    /**
     * Queues a command with its context, stored in the same transaction as the command's effects. The future
     * completes once they are durable; for a repeated request, with the first answer or a refusal, the engine
     * untouched (see {@link CommandResult.Status}).
     *
     * @param command the command to apply
     * @param context what comes with it; {@link CommandContext#NONE} for nothing
     * @return completes with the result, or exceptionally with a {@link SequencerUnavailableException} if the
     *         journal could not check or make durable the command's batch, or the sequencer is stopped
     * @throws IllegalArgumentException if the context does not fit the command (see {@link CommandContext})
     */
    public CompletableFuture<CommandResult> submit(Command command, CommandContext context) {
        context.requireFits(command);
        CommandTask task = new CommandTask(command, context);
        enqueue(task);
        return task.future;
    }

    /**
     * Runs a read-only function on the engine between batches, so it sees a durable, consistent state.
     * The function must not change the engine.
     *
     * @param <T>   what the function returns
     * @param query reads the engine on the sequencer thread; must be quick, since commands wait meanwhile
     * @return completes with the function's value, or exceptionally with what it threw, or with a
     *         {@link SequencerUnavailableException} if the sequencer is stopped
     */
    public <T> CompletableFuture<T> read(Function<MatchingEngine, T> query) {
        ReadTask<T> task = new ReadTask<>(query);
        enqueue(task);
        return task.future;
    }

    private void enqueue(Task task) {
        if (!running) {
            task.fail(new SequencerUnavailableException("the sequencer is stopped", null));
            return;
        }
        queue.add(task);
    }

    /** Stops taking commands, finishes what is queued, and stops the thread. */
    @Override
    public void close() {
        running = false;
        queue.add(Stop.INSTANCE);
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        List<Task> batch = new ArrayList<>(maxBatch);
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                break;
            }
            queue.drainTo(batch, maxBatch - 1);
            stopping = process(batch);
            batch.clear();
        }
        for (Task left; (left = queue.poll()) != null; ) {
            left.fail(new SequencerUnavailableException("the sequencer is stopped", null));
        }
    }

    /** Screens, applies and commits one batch; returns whether a stop was requested. */
    private boolean process(List<Task> batch) {
        List<CommandTask> commands = new ArrayList<>(batch.size());
        List<ReadTask<?>> reads = new ArrayList<>();
        boolean stop = false;
        for (Task task : batch) {
            switch (task) {
                case CommandTask c -> commands.add(c);
                case ReadTask<?> r -> reads.add(r);
                case Stop s -> stop = true;
            }
        }
        RequestScreen screen;
        try {
            screen = new RequestScreen(findPrior(commands));
        } catch (RuntimeException failure) {
            // Nothing was applied, so the engine still matches the journal.
            log.error("cannot check a batch of {} commands for repeated requests", commands.size(), failure);
            failAll(commands, failure);
            reads.forEach(this::answer);
            return stop;
        }
        List<CommandResult> answers = new ArrayList<>(commands.size());
        List<CommandResult> applied = new ArrayList<>(commands.size());
        long sequenceBefore = sequence;
        try {
            for (CommandTask c : commands) {
                CommandResult answer = screen.screen(c.command, c.context);
                if (answer == null) {
                    events.clear();
                    engine.apply(c.command);
                    answer = new CommandResult(++sequence, c.command, c.context, events, CommandResult.Status.APPLIED);
                    screen.applied(answer);
                    applied.add(answer);
                }
                answers.add(answer);
            }
            if (!applied.isEmpty()) {
                journal.commit(applied, engine);
            }
        } catch (RuntimeException failure) {
            log.error("a batch of {} commands could not be made durable; rebuilding the engine", commands.size(),
                    failure);
            sequence = sequenceBefore;
            failAll(commands, failure);
            recover();
            reads.forEach(this::answer);
            return stop;
        }
        for (int i = 0; i < commands.size(); i++) {
            commands.get(i).future.complete(answers.get(i));
        }
        if (!applied.isEmpty()) {
            publish(applied);
        }
        reads.forEach(this::answer);
        return stop;
    }

    /** What the journal holds of the batch's client order ids and idempotency keys; one look-up per batch. */
    private PriorRequests findPrior(List<CommandTask> commands) {
        Set<ClientOrderKey> clientOrderIds = new HashSet<>();
        Set<IdempotencyKey> idempotencyKeys = new HashSet<>();
        for (CommandTask c : commands) {
            ClientOrderKey clientOrder = c.context.clientOrderKey(c.command);
            if (clientOrder != null) {
                clientOrderIds.add(clientOrder);
            }
            if (c.context.idempotency() != null) {
                idempotencyKeys.add(c.context.idempotency().key());
            }
        }
        if (clientOrderIds.isEmpty() && idempotencyKeys.isEmpty()) {
            return PriorRequests.NONE;
        }
        return journal.findPrior(clientOrderIds, idempotencyKeys);
    }

    private static void failAll(List<CommandTask> commands, RuntimeException failure) {
        SequencerUnavailableException unavailable =
                new SequencerUnavailableException("the order could not be processed; try again", failure);
        commands.forEach(c -> c.fail(unavailable));
    }

    private void publish(List<CommandResult> results) {
        try {
            afterCommit.accept(results);
        } catch (RuntimeException e) {
            // Subscribers must not stop the writer: the results are durable whatever they do.
            log.error("a subscriber failed on a committed batch", e);
        }
    }

    private <T> void answer(ReadTask<T> read) {
        try {
            read.future.complete(read.query.apply(engine));
        } catch (RuntimeException e) {
            read.future.completeExceptionally(e);
        }
    }

    /** Rebuilds the engine from the durable state, retrying until the journal answers or the sequencer stops. */
    private void recover() {
        while (true) {
            try {
                engine = MatchingEngine.restore(journal.load(), events::add, closeRetention);
                return;
            } catch (RuntimeException e) {
                log.error("cannot reload the durable state; retrying", e);
                if (!running) {
                    return;
                }
                try {
                    Thread.sleep(RECOVERY_BACKOFF);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private sealed interface Task permits CommandTask, ReadTask, Stop {
        void fail(RuntimeException failure);
    }

    private static final class CommandTask implements Task {
        final Command command;
        final CommandContext context;
        final CompletableFuture<CommandResult> future = new CompletableFuture<>();

        CommandTask(Command command, CommandContext context) {
            this.command = command;
            this.context = context;
        }

        @Override
        public void fail(RuntimeException failure) {
            future.completeExceptionally(failure);
        }
    }

    private static final class ReadTask<T> implements Task {
        final Function<MatchingEngine, T> query;
        final CompletableFuture<T> future = new CompletableFuture<>();

        ReadTask(Function<MatchingEngine, T> query) {
            this.query = query;
        }

        @Override
        public void fail(RuntimeException failure) {
            future.completeExceptionally(failure);
        }
    }

    private enum Stop implements Task {
        INSTANCE;

        @Override
        public void fail(RuntimeException failure) {
        }
    }
}
