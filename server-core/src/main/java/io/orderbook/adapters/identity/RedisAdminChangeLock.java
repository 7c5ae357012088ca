package io.orderbook.adapters.identity;

import io.orderbook.application.users.AdminChangeLock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;

/**
 * The {@link AdminChangeLock} of a cluster: a Redisson lock, so that changes that could remove the last
 * enabled administrator run one at a time across all nodes. The lease frees the lock should a node die
 * while holding it.
 */
public final class RedisAdminChangeLock implements AdminChangeLock {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration LEASE = Duration.ofSeconds(30);

    private final RLock lock;

    /**
     * The lock every node of the cluster shares.
     *
     * @param redisson the Redis client the nodes share
     */
    public RedisAdminChangeLock(RedissonClient redisson) {
        this.lock = Objects.requireNonNull(redisson, "redisson").getLock("identity:admin-change");
    }

    @Override
    public void whileHeld(Runnable change) {
        boolean acquired;
        try {
            acquired = lock.tryLock(WAIT.toMillis(), LEASE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the administrator change lock", e);
        }
        if (!acquired) throw new IllegalStateException("the administrator change lock stayed busy for " + WAIT.toSeconds() + " s");
        try {
            change.run();
        } finally {
            if (lock.isHeldByCurrentThread()) lock.unlock();
        }
    }
}
