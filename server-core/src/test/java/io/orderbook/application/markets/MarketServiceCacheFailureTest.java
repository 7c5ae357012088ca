package io.orderbook.application.markets;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderbook.adapters.persistence.UserRole;
import io.orderbook.adapters.persistence.trading.MarketRepository;
import io.orderbook.adapters.persistence.trading.PostgresTradingJournal;
import io.orderbook.adapters.security.SecretBox;
import io.orderbook.adapters.signing.MarketKeyring;
import io.orderbook.application.trading.Sequencer;
import io.orderbook.application.users.Actor;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** When the market cache cannot be written or read, markets are still changed, and read from the database. */
class MarketServiceCacheFailureTest {

    @AutoClose
    static final TestDatabase db = TestEngines.newDatabase();
    private static final Actor ADMIN = new Actor(1, UserRole.ADMIN);

    /** A cache in memory that fails every call while {@link #down} is set. */
    private static final class FlakyCache implements MarketCache {
        final Map<String, MarketView> markets = new LinkedHashMap<>();
        boolean loaded;
        boolean down;

        private void check() {
            if (down) {
                throw new IllegalStateException("cache down");
            }
        }

        @Override
        public Optional<List<MarketView>> all() {
            check();
            return loaded ? Optional.of(new ArrayList<>(markets.values())) : Optional.empty();
        }

        @Override
        public Optional<MarketView> get(String symbol) {
            check();
            return Optional.ofNullable(markets.get(symbol));
        }

        @Override
        public boolean loaded() {
            check();
            return loaded;
        }

        @Override
        public void put(MarketView market) {
            check();
            markets.put(market.symbol(), market);
        }

        @Override
        public void remove(String symbol) {
            check();
            markets.remove(symbol);
        }

        @Override
        public void replaceAll(List<MarketView> all) {
            check();
            markets.clear();
            all.forEach(market -> markets.put(market.symbol(), market));
            loaded = true;
        }
    }

    @Test
    void changesGoThroughAndReadsFallBackToTheDatabaseUntilTheCacheIsRebuilt() {
        FlakyCache cache = new FlakyCache();
        MarketKeyring keyring = new MarketKeyring(new SecretBox(new byte[SecretBox.KEY_BYTES]));
        try (Sequencer sequencer = new Sequencer(new PostgresTradingJournal(db.database(), keyring), 16, batch -> { })) {
            MarketService service = new MarketService(new MarketRepository(db.database(), Clock.systemUTC()), cache,
                    sequencer, keyring, Clock.systemUTC());
            service.createAsset(ADMIN, "FBTC", 8);
            service.createAsset(ADMIN, "FUSD", 2);
            cache.down = true;

            MarketView created = service.createMarket(ADMIN, new NewMarket("FBTC-FUSD", "FBTC", "FUSD", "1", "0.01",
                    "1", "0.001", "0.002", null));

            assertThat(service.markets()).containsExactly(created);
            assertThat(service.market("FBTC-FUSD")).isEqualTo(created);
            assertThat(service.lookup("fbtc-fusd")).isEqualTo(created);

            // Back up: the next change rebuilds the whole cache, and reads come from it again.
            cache.down = false;
            MarketView halted = service.setHalted(ADMIN, "FBTC-FUSD", true);
            assertThat(cache.loaded).isTrue();
            assertThat(cache.markets).containsExactly(Map.entry("FBTC-FUSD", halted));
            cache.markets.put("FBTC-FUSD", created);
            assertThat(service.market("FBTC-FUSD")).as("read from the cache").isEqualTo(created);
        }
    }
}
