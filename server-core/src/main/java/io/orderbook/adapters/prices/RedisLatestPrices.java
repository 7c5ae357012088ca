package io.orderbook.adapters.prices;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.orderbook.application.prices.LatestPrices;
import io.orderbook.application.prices.PriceTick;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.redisson.api.RMap;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * The latest price of each token in Redis, shared by every server instance: a hash from token to the event as JSON
 * ({@code {"eventId","token","price","timestamp","source"}}, the price as a decimal string), beside a hash of the
 * event times. A price only replaces one with an earlier timestamp, so redelivered or reordered events never move
 * a token back in time. {@link #recordAsync} writes a whole batch in one script call (the last price of each token).
 */
public final class RedisLatestPrices implements LatestPrices {

    static final String LATEST = "prices:latest";
    static final String LATEST_MICROS = "prices:latest-micros";

    /** ARGV holds (token, epoch microseconds, JSON) triples; a token is updated only by a later time. */
    private static final String RECORD = """
            local updated = 0
            for i = 1, #ARGV, 3 do
                local current = redis.call('HGET', KEYS[2], ARGV[i])
                if (not current) or tonumber(current) < tonumber(ARGV[i + 1]) then
                    redis.call('HSET', KEYS[2], ARGV[i], ARGV[i + 1])
                    redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 2])
                    updated = updated + 1
                end
            end
            return updated
            """;

    private final RScript script;
    private final RMap<String, String> latest;
    private final ObjectMapper json = JsonMapper.builder().build();

    /**
     * Keeps the latest prices in this Redis.
     *
     * @param redisson a client with the cluster's key prefix; not shut down here
     */
    public RedisLatestPrices(RedissonClient redisson) {
        Objects.requireNonNull(redisson, "redisson");
        this.script = redisson.getScript(StringCodec.INSTANCE);
        this.latest = redisson.getMap(LATEST, StringCodec.INSTANCE);
    }

    /**
     * Stores the latest of these prices per token, unless Redis already holds a later one, without waiting for
     * Redis: the price consumer runs the observer meanwhile. Batches may complete in any order, since a price never
     * replaces a later one.
     *
     * @param ticks a batch of valid prices
     * @return completes with how many tokens moved forward, or fails with Redis's failure
     */
    public CompletionStage<Long> recordAsync(List<PriceTick> ticks) {
        Map<String, PriceTick> newest = new LinkedHashMap<>();
        for (PriceTick tick : ticks) {
            newest.merge(tick.token(), tick, (a, b) -> b.timestamp().isAfter(a.timestamp()) ? b : a);
        }
        if (newest.isEmpty()) {
            return CompletableFuture.completedFuture(0L);
        }
        List<Object> arguments = new ArrayList<>(newest.size() * 3);
        for (PriceTick tick : newest.values()) {
            arguments.add(tick.token());
            arguments.add(Long.toString(micros(tick.timestamp())));
            arguments.add(write(tick));
        }
        return script.<Long>evalAsync(RScript.Mode.READ_WRITE, RECORD, RScript.ReturnType.LONG,
                List.of(LATEST, LATEST_MICROS), arguments.toArray()).thenApply(updated -> updated == null ? 0 : updated);
    }

    @Override
    public Optional<PriceTick> latest(String token) {
        return Optional.ofNullable(latest.get(token)).map(this::read);
    }

    @Override
    public Map<String, PriceTick> all() {
        Map<String, PriceTick> all = new TreeMap<>();
        latest.readAllMap().forEach((token, text) -> all.put(token, read(text)));
        return all;
    }

    private static long micros(Instant time) {
        return Math.addExact(Math.multiplyExact(time.getEpochSecond(), 1_000_000L), time.getNano() / 1_000);
    }

    private String write(PriceTick tick) {
        try {
            return json.writeValueAsString(new StoredTick(tick.eventId(), tick.token(), tick.price().toPlainString(),
                    tick.timestamp().toString(), tick.source()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a price as JSON", e);
        }
    }

    private PriceTick read(String text) {
        try {
            StoredTick stored = json.readValue(text, StoredTick.class);
            return new PriceTick(stored.eventId(), stored.token(), new BigDecimal(stored.price()),
                    Instant.parse(stored.timestamp()), stored.source());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a latest price in Redis is not valid JSON", e);
        }
    }

    /** The stored form: the price as text, so it stays exact. */
    private record StoredTick(String eventId, String token, String price, String timestamp, String source) {
    }
}
