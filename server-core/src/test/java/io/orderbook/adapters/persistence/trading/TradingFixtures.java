package io.orderbook.adapters.persistence.trading;

import io.orderbook.adapters.persistence.Database;
import io.orderbook.adapters.security.SecretBox;
import io.orderbook.adapters.signing.MarketKeyring;
import io.orderbook.application.trading.CommandContext;
import io.orderbook.application.trading.CommandResult;
import io.orderbook.application.trading.Sequencer;
import io.orderbook.domain.model.Market;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Reference data and request driving shared by the trading persistence tests. */
final class TradingFixtures {
    /** The master key of the trading persistence tests. */
    static final SecretBox BOX = new SecretBox("trading-fixtures-master-key-0123".getBytes(StandardCharsets.UTF_8));

    private TradingFixtures() {
    }

    /** A keyring under {@link #BOX}, with nothing unsealed yet. */
    static MarketKeyring keyring() {
        return new MarketKeyring(BOX);
    }

    /** A journal on the database that signs with a new {@link #keyring()}. */
    static PostgresTradingJournal journal(Database database) {
        return new PostgresTradingJournal(database, keyring());
    }

    /** Stores the stream's three assets and its markets, each with a new key pair sealed under {@link #BOX}. */
    static void install(Database database, List<Market> markets) {
        MarketRepository repository = new MarketRepository(database, Clock.systemUTC());
        repository.insertAsset(TradingStreams.BTC, "BTC", 8);
        repository.insertAsset(TradingStreams.ETH, "ETH", 9);
        repository.insertAsset(TradingStreams.USDT, "USDT", 6);
        MarketKeyring keyring = keyring();
        for (Market market : markets) {
            CommandContext.MarketKeys keys = keyring.generate(market.id());
            repository.insertMarket(market, keys.publicKey(), keys.sealedPrivateKey());
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
