package io.orderbook.adapters.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderbook.adapters.redis.RedisConnector;
import io.orderbook.testsupport.TestEngines;
import io.orderbook.testsupport.TestRedis;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;

class RedisAdminChangeLockTest {

    @AutoClose
    static final TestRedis redis = TestEngines.newRedis();

    @Test
    void changes_on_two_nodes_run_one_at_a_time() throws Exception {
        RedissonClient otherNode = RedisConnector.connect(redis.url().toString(), redis.keyPrefix());
        try {
            List<RedisAdminChangeLock> nodes = List.of(new RedisAdminChangeLock(redis.client()), new RedisAdminChangeLock(otherNode));
            AtomicInteger inside = new AtomicInteger();
            AtomicInteger overlaps = new AtomicInteger();
            try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
                List<Future<?>> runs = new ArrayList<>();
                for (int i = 0; i < 40; i++) {
                    RedisAdminChangeLock lock = nodes.get(i % 2);
                    runs.add(executor.submit(() -> lock.whileHeld(() -> {
                        if (inside.incrementAndGet() > 1) overlaps.incrementAndGet();
                        Thread.onSpinWait();
                        inside.decrementAndGet();
                    })));
                }
                for (Future<?> run : runs) run.get(30, TimeUnit.SECONDS);
            }
            assertThat(overlaps).hasValue(0);
        } finally {
            otherNode.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }

    @Test
    void a_failing_change_releases_the_lock() {
        RedisAdminChangeLock lock = new RedisAdminChangeLock(redis.client());

        assertThatThrownBy(() -> lock.whileHeld(() -> {
            throw new IllegalStateException("refused");
        })).hasMessage("refused");

        AtomicInteger ran = new AtomicInteger();
        lock.whileHeld(ran::incrementAndGet);
        assertThat(ran).hasValue(1);
    }
}
