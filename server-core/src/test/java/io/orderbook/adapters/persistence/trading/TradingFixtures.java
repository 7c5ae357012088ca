package io.orderbook.adapters.persistence.trading;

import io.orderbook.adapters.persistence.Database;
import io.orderbook.application.trading.CommandContext;
import io.orderbook.application.trading.CommandResult;
import io.orderbook.application.trading.Sequencer;
import io.orderbook.domain.model.Market;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Reference data and request driving shared by the trading persistence tests. */
final class TradingFixtures {
    private TradingFixtures() {
    }

    /** A journal on the database. */
    static PostgresTradingJournal journal(Database database) {
        return new PostgresTradingJournal(database);
    }

    /** Placeholder keys of a market: the journal stores but does not use them. */
    static CommandContext.MarketKeys placeholderKeys() {
        return new CommandContext.MarketKeys(new byte[44], new byte[61]);
    }

    /** Stores the stream's three assets and its markets (with placeholder keys). */
    static void install(Database database, List<Market> markets) {
        MarketRepository repository = new MarketRepository(database, Clock.systemUTC());
        repository.insertAsset(TradingStreams.BTC, "BTC", 8);
        repository.insertAsset(TradingStreams.ETH, "ETH", 9);
        repository.insertAsset(TradingStreams.USDT, "USDT", 6);
        for (Market market : markets) {
            repository.insertMarket(market, new byte[44], new byte[61]);
        }
    }

    /**
     * Submits steps {@code from..to-1} in chunks of random size without waiting in between chunks' submissions
     * (so the sequencer forms batches of many sizes), waiting for each chunk before the next. Returns each step's
     * future, completed.
     */
    static List<CompletableFuture<CommandResult>> drive(Sequencer sequencer, TradingStream stream, int from, int to,
                                                        Random random) {
        List<CompletableFuture<CommandResult>> futures = new ArrayList<>(to - from);
        int i = from;
        while (i < to) {
            int chunk = Math.min(to - i, 1 + random.nextInt(random.nextInt(8) == 0 ? 200 : 40));
            List<CompletableFuture<CommandResult>> pending = new ArrayList<>(chunk);
            for (int k = 0; k < chunk; k++, i++) {
                TradingStream.Step step = stream.steps().get(i);
                pending.add(sequencer.submit(step.command(), step.context()));
            }
            for (CompletableFuture<CommandResult> future : pending) {
                try {
                    future.get(60, TimeUnit.SECONDS);
                } catch (Exception e) {
                    // Left to the caller: the future stays failed.
                }
            }
            futures.addAll(pending);
        }
        return futures;
    }
}
