package io.orderbook.adapters.marketdata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.orderbook.application.markets.MarketCache;
import io.orderbook.application.markets.MarketView;
import org.redisson.api.BatchOptions;
import org.redisson.api.RBatch;
import org.redisson.api.RMap;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The market cache in one Redis hash, {@code <prefix>markets}: one field per symbol holding the market as JSON
 * (readable with {@code redis-cli HGETALL}), plus a marker field that says the hash holds the complete list. A
 * hash that lost the marker (deleted, expired, Redis restarted without persistence) counts as not loaded, and a
 * value that no longer reads as a market counts as lost, so the service reloads from the database.
 */
public final class RedisMarketCache implements MarketCache {
    private static final Logger LOG = LoggerFactory.getLogger(RedisMarketCache.class);
    /** The hash's name, under the client's key prefix. */
    public static final String KEY = "markets";
    /** Not a valid symbol, so it can never clash with a market. */
    static final String LOADED = "~loaded";

    private final RedissonClient redisson;
    private final RMap<String, String> map;
    private final ObjectMapper json = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /**
     * A cache in the Redis behind {@code redisson}.
     *
     * @param redisson the client; its key prefix, if any, prefixes the hash's name
     */
    public RedisMarketCache(RedissonClient redisson) {
        this.redisson = Objects.requireNonNull(redisson, "redisson");
        this.map = redisson.getMap(KEY, StringCodec.INSTANCE);
    }

    @Override
    public Optional<List<MarketView>> all() {
        Map<String, String> fields = map.readAllMap();
        if (!fields.containsKey(LOADED)) {
            return Optional.empty();
        }
        List<MarketView> markets = new ArrayList<>(fields.size());
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (field.getKey().equals(LOADED)) {
                continue;
            }
            Optional<MarketView> market = read(field.getKey(), field.getValue());
            if (market.isEmpty()) {
                return Optional.empty();
            }
            markets.add(market.get());
        }
        markets.sort(Comparator.comparing(MarketView::symbol));
        return Optional.of(List.copyOf(markets));
    }

    @Override
    public Optional<MarketView> get(String symbol) {
        String value = map.get(symbol);
        return value == null ? Optional.empty() : read(symbol, value);
    }

    @Override
    public boolean loaded() {
        return map.containsKey(LOADED);
    }

    @Override
    public void put(MarketView market) {
        map.fastPut(market.symbol(), write(market));
    }

    @Override
    public void remove(String symbol) {
        map.fastRemove(symbol);
    }

    @Override
    public void replaceAll(List<MarketView> markets) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (MarketView market : markets) {
            fields.put(market.symbol(), write(market));
        }
        fields.put(LOADED, "1");
        // One MULTI/EXEC: readers never see the hash half rebuilt.
        RBatch batch = redisson.createBatch(BatchOptions.defaults()
                .executionMode(BatchOptions.ExecutionMode.IN_MEMORY_ATOMIC));
        batch.<String, String>getMap(KEY, StringCodec.INSTANCE).deleteAsync();
        batch.<String, String>getMap(KEY, StringCodec.INSTANCE).putAllAsync(fields);
        batch.execute();
    }

    private String write(MarketView market) {
        try {
            return json.writeValueAsString(market);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write market " + market.symbol() + " as JSON", e);
        }
    }

    /** The market, or empty after marking the whole hash not loaded if the value does not read as one. */
    private Optional<MarketView> read(String symbol, String value) {
        try {
            return Optional.of(json.readValue(value, MarketView.class));
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warn("The cached market {} does not read as a market ({}); the cache will be reloaded", symbol, e.toString());
            map.fastRemove(LOADED);
            return Optional.empty();
        }
    }
}
