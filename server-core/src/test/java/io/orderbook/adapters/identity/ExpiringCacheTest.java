package io.orderbook.adapters.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ExpiringCacheTest {

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final AtomicInteger loads = new AtomicInteger();
    private final ExpiringCache<String, String> cache = new ExpiringCache<>(100, 3, nanos::get);

    private String load(String key) {
        loads.incrementAndGet();
        return key.startsWith("missing") ? null : key + "#" + loads.get();
    }

    @Test
    void serves_a_loaded_value_until_its_time_to_live_ends() {
        assertThat(cache.get("a", this::load)).isEqualTo("a#1");
        nanos.addAndGet(99);
        assertThat(cache.get("a", this::load)).isEqualTo("a#1");
        nanos.addAndGet(1);
        assertThat(cache.get("a", this::load)).isEqualTo("a#2");
        assertThat(loads).hasValue(2);
    }

    @Test
    void does_not_remember_absent_values() {
        assertThat(cache.get("missing", this::load)).isNull();
        assertThat(cache.get("missing", this::load)).isNull();
        assertThat(loads).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void invalidation_makes_the_next_get_load_again() {
        cache.get("a", this::load);
        cache.get("b", this::load);
        cache.invalidate("a");
        assertThat(cache.get("a", this::load)).isEqualTo("a#3");
        assertThat(cache.get("b", this::load)).isEqualTo("b#2");
    }

    @Test
    void invalidate_if_and_clear_drop_matching_and_all_entries() {
        cache.get("a1", this::load);
        cache.get("a2", this::load);
        cache.get("b", this::load);
        cache.invalidateIf(value -> value.startsWith("a"));
        assertThat(cache.size()).isEqualTo(1);
        cache.clear();
        assertThat(cache.size()).isZero();
    }

    @Test
    void an_invalidation_during_a_load_keeps_the_loaded_value_out_of_the_cache() {
        // The loader read the old state, then the change was committed and invalidated before the store.
        String first = cache.get("a", key -> {
            cache.invalidate(key);
            return "stale";
        });
        assertThat(first).isEqualTo("stale");
        assertThat(cache.get("a", this::load)).isEqualTo("a#1");
    }

    @Test
    void an_invalidation_of_any_entry_during_a_load_also_counts() {
        cache.get("a", key -> {
            cache.invalidateIf(value -> false);
            return "stale";
        });
        assertThat(cache.size()).isZero();
    }

    @Test
    void a_full_cache_drops_expired_entries_first_and_then_everything() {
        cache.get("a", this::load);
        cache.get("b", this::load);
        nanos.addAndGet(150);
        cache.get("c", this::load);
        cache.get("d", this::load);
        assertThat(cache.size()).isEqualTo(2);
        cache.get("e", this::load);
        cache.get("f", this::load);
        assertThat(cache.size()).isLessThanOrEqualTo(3);
    }

    @Test
    void concurrent_misses_share_one_load() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> first = blockedLoad(threads, release, this::load);
            List<Future<String>> others = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                others.add(threads.submit(() -> cache.get("a", this::load)));
            }
            Thread.sleep(50); // let them reach the running load
            release.countDown();
            assertThat(first.get()).isEqualTo("a#1");
            for (Future<String> other : others) {
                assertThat(other.get()).isEqualTo("a#1");
            }
        }
        assertThat(loads).hasValue(1);
    }

    @Test
    void a_miss_after_an_invalidation_does_not_take_the_answer_of_an_earlier_load() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> before = blockedLoad(threads, release, key -> "before-revocation");
            cache.invalidate("a"); // e.g. the key was revoked while the first read ran
            assertThat(cache.get("a", key -> "after-revocation")).isEqualTo("after-revocation");
            release.countDown();
            assertThat(before.get()).isEqualTo("before-revocation");
        }
        assertThat(cache.get("a", this::load)).isNotEqualTo("before-revocation");
    }

    @Test
    void a_failed_shared_load_fails_every_caller_with_the_loaders_exception() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            Future<String> first = blockedLoad(threads, release, key -> {
                throw new IllegalStateException("database down");
            });
            Future<String> second = threads.submit(() -> cache.get("a", this::load));
            Thread.sleep(50);
            release.countDown();
            assertThatThrownBy(first::get).hasCauseInstanceOf(IllegalStateException.class);
            assertThatThrownBy(second::get).hasCauseInstanceOf(IllegalStateException.class)
                    .hasRootCauseMessage("database down");
        }
        assertThat(cache.get("a", this::load)).isEqualTo("a#1");
    }

    /** Starts a get of "a" whose load waits for {@code release} and then answers with {@code loader}; returns once it runs. */
    private Future<String> blockedLoad(ExecutorService threads, CountDownLatch release, Function<String, String> loader)
            throws InterruptedException {
        CountDownLatch loading = new CountDownLatch(1);
        Future<String> load = threads.submit(() -> cache.get("a", key -> {
            loading.countDown();
            await(release);
            return loader.apply(key);
        }));
        loading.await();
        return load;
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
