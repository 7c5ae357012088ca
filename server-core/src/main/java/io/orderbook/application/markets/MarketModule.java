package io.orderbook.application.markets;

import io.orderbook.adapters.http.HttpRoutes;
import io.orderbook.adapters.http.markets.MarketRoutes;
import io.orderbook.adapters.marketdata.RedisMarketCache;
import io.orderbook.adapters.persistence.Database;
import io.orderbook.adapters.persistence.trading.MarketRepository;
import io.orderbook.adapters.signing.MarketKeyring;
import io.orderbook.application.trading.Sequencer;
import java.time.Clock;
import java.util.Objects;
import org.redisson.api.RedissonClient;

/**
 * Assets and markets wired for the composition root: the {@link MarketService}, its Redis cache (rebuilt from the
 * database when the module starts), and the {@code /assets} and {@code /markets} routes. At start it also unseals
 * every market's signing key into the keyring, and refuses to start if the master key does not open them. The sequencer must run
 * on a journal that signs with the same {@link MarketKeyring} (one per node, under the master key):
 *
 * <pre>{@code
 * MarketKeyring keyring = new MarketKeyring(SecretBox.fromBase64Key(masterKey));
 * Sequencer sequencer = new Sequencer(new PostgresTradingJournal(database, keyring), 512, afterCommit);
 * MarketModule markets = new MarketModule(database, redisson, sequencer, keyring, Clock.systemUTC());
 * HttpServer.builder().routes(markets.routes())...
 * }</pre>
 */
public final class MarketModule implements AutoCloseable {

    private final MarketService service;
    private final HttpRoutes routes;

    /**
     * Builds the market service and routes, opens the markets' signing keys and reloads the market cache.
     *
     * @param database  the database holding assets and markets
     * @param redisson  a client with the cluster's key prefix; the module does not shut it down
     * @param sequencer the running sequencer; the module does not close it
     * @param keyring   seals and opens the markets' signing keys with the master key
     * @param clock     what "now" is
     * @throws IllegalStateException if the keyring's master key does not open the markets' signing keys
     */
    public MarketModule(Database database, RedissonClient redisson, Sequencer sequencer, MarketKeyring keyring,
                        Clock clock) {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(redisson, "redisson");
        this.service = new MarketService(new MarketRepository(database, clock), new RedisMarketCache(redisson),
                sequencer, keyring, clock);
        this.routes = new MarketRoutes(service);
        service.openSigningKeys();
        // A node that stopped between a commit and its cache write left the cache behind the database.
        service.reload();
    }

    /**
     * {@return the {@code /assets} and {@code /markets} routes under {@code /api/v1}, for
     * {@code HttpServer.Builder.routes}}
     */
    public HttpRoutes routes() {
        return routes;
    }

    /**
     * {@return the market service, for other capabilities to look a market up by symbol (its id, scales, rules,
     * halt)}
     */
    public MarketService service() {
        return service;
    }

    /** Nothing runs in the background; the database, Redis and the sequencer stay open. */
    @Override
    public void close() {
    }
}
