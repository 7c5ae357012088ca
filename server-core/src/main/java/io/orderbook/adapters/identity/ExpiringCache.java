package io.orderbook.adapters.identity;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A small read-through cache whose entries live for a fixed time, with invalidation that cannot be undone
 * by a load that was already running.
 *
 * <p>The race it closes: a request misses, reads the row, and before it stores what it read another
 * thread commits a revocation and invalidates the (still empty) entry; the request would then store the
 * pre-revocation state for a whole TTL. Every invalidation increments a generation; a load that sees the
 * generation change between its start and its store removes what it stored. Either the invalidation
 * removes the new entry, or the loader sees the new generation: a stale entry never survives.
 *
 * <p>Concurrent misses of one key share one load (an API key used by many connections expires for all of
 * them at once, and each would otherwise run the same query), but only a load that started after the last
 * invalidation: a request that arrives after a revocation never takes the answer of a read made before it.
 * When full, expired entries go first and then everything (a cache that large is under a key-guessing flood,
 * where keeping old entries gains nothing).
 */
final class ExpiringCache<K, V> {

    private record Entry<V>(V value, long expiresAtNanos) {
    }

    /** A load in progress, and the invalidation generation it started in. */
    private record Load<V>(CompletableFuture<V> result, long generation) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<K, Load<V>> loads = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final long ttlNanos;
    private final int maxEntries;
    private final LongSupplier nanoTime;

    /**
     * @param nanoTime a monotonic clock in nanoseconds, {@code System::nanoTime} outside tests
     */
    ExpiringCache(long ttlNanos, int maxEntries, LongSupplier nanoTime) {
        if (ttlNanos < 0) throw new IllegalArgumentException("ttl must not be negative");
        if (maxEntries < 1) throw new IllegalArgumentException("maxEntries must be >= 1");
        this.ttlNanos = ttlNanos;
        this.maxEntries = maxEntries;
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /**
     * The cached value, or else what {@code loader} returns, which is then cached; a null from the loader
     * is returned and not cached (nothing is remembered about keys that do not exist).
     */
    V get(K key, Function<? super K, ? extends V> loader) {
        long now = nanoTime.getAsLong();
        Entry<V> cached = entries.get(key);
        if (cached != null && now - cached.expiresAtNanos() < 0) return cached.value();
        long startGeneration = generation.get();
        Load<V> mine = new Load<>(new CompletableFuture<>(), startGeneration);
        Load<V> running = loads.putIfAbsent(key, mine);
        if (running != null) {
            if (running.generation() == startGeneration) return awaitShared(running);
            return load(key, loader, cached, now, startGeneration); // started before an invalidation: read anew
        }
        try {
            V value = load(key, loader, cached, now, startGeneration);
            mine.result().complete(value);
            return value;
        } catch (RuntimeException | Error e) {
            mine.result().completeExceptionally(e);
            throw e;
        } finally {
            loads.remove(key, mine);
        }
    }

    private V load(K key, Function<? super K, ? extends V> loader, Entry<V> cached, long now, long startGeneration) {
        V value = loader.apply(key);
        if (value == null) {
            if (cached != null) entries.remove(key, cached);
            return null;
        }
        if (entries.size() >= maxEntries) makeRoom(now);
        Entry<V> loaded = new Entry<>(value, now + ttlNanos);
        entries.put(key, loaded);
        if (generation.get() != startGeneration) entries.remove(key, loaded);
        return value;
    }

    private static <V> V awaitShared(Load<V> running) {
        try {
            return running.result().join();
        } catch (CompletionException e) {
            // The loader's own exception, as the thread that ran it saw it.
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            if (e.getCause() instanceof Error cause) throw cause;
            throw e;
        }
    }

    void invalidate(K key) {
        generation.incrementAndGet();
        entries.remove(key);
    }

    void invalidateIf(Predicate<? super V> condition) {
        generation.incrementAndGet();
        entries.values().removeIf(entry -> condition.test(entry.value()));
    }

    void clear() {
        generation.incrementAndGet();
        entries.clear();
    }

    int size() {
        return entries.size();
    }

    private void makeRoom(long now) {
        entries.values().removeIf(entry -> now - entry.expiresAtNanos() >= 0);
        if (entries.size() >= maxEntries) entries.clear();
    }
}
