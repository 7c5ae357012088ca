package io.orderbook.adapters.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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
}
