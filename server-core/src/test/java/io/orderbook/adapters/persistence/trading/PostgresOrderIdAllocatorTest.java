package io.orderbook.adapters.persistence.trading;

import io.orderbook.adapters.persistence.Database;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestEngines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class PostgresOrderIdAllocatorTest {
    private static TestDatabase test;

    @BeforeAll
    static void openDatabase() {
        test = TestEngines.newDatabase();
    }

    @AfterAll
    static void dropDatabase() {
        test.close();
    }

    @Test
    void idsComeInBlocksOfTheSequencesIncrement() {
        PostgresOrderIdAllocator allocator = new PostgresOrderIdAllocator(test.database());
        assertThat(allocator.blockSize()).isEqualTo(1_000);
        long first = allocator.nextOrderId();
        for (int i = 1; i < 1_000; i++) {
            assertThat(allocator.nextOrderId()).isEqualTo(first + i);
        }
        assertThat(allocator.nextOrderId()).isGreaterThanOrEqualTo(first + 1_000);
    }

    @Test
    void manyThreadsOnSeveralAllocatorsNeverGetTheSameId() throws Exception {
        // Two allocators on two pools stand for two servers (or a server and its restart) sharing the database.
        try (Database other = Database.open(test.target())) {
            List<PostgresOrderIdAllocator> allocators = List.of(new PostgresOrderIdAllocator(test.database()),
                    new PostgresOrderIdAllocator(other));
            int threads = 8;
            int perThread = 5_000;
            List<Callable<long[]>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                PostgresOrderIdAllocator allocator = allocators.get(t % 2);
                tasks.add(() -> {
                    long[] ids = new long[perThread];
                    for (int i = 0; i < perThread; i++) {
                        ids[i] = allocator.nextOrderId();
                    }
                    return ids;
                });
            }
            Set<Long> all = new HashSet<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                for (Future<long[]> future : pool.invokeAll(tasks)) {
                    long[] ids = future.get();
                    for (int i = 0; i < ids.length; i++) {
                        assertThat(all.add(ids[i])).as("id %d handed out twice", ids[i]).isTrue();
                        if (i > 0) {
                            assertThat(ids[i]).as("ids increase per thread").isGreaterThan(ids[i - 1]);
                        }
                    }
                }
            }
            assertThat(all).hasSize(threads * perThread).allSatisfy(id -> assertThat(id).isPositive());
        }
    }

    @Test
    void aRestartedAllocatorContinuesAboveEveryIdHandedOut() {
        PostgresOrderIdAllocator before = new PostgresOrderIdAllocator(test.database());
        long last = 0;
        for (int i = 0; i < 1_500; i++) {
            last = before.nextOrderId();
        }
        PostgresOrderIdAllocator after = new PostgresOrderIdAllocator(test.database());
        assertThat(after.nextOrderId()).isGreaterThan(last);
    }
}
