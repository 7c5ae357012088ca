package io.orderbook.adapters.scheduling;

import io.orderbook.application.jobs.JobClaims;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;

/**
 * {@link JobClaims} in the Redis every instance shares: a fire time is claimed with {@code SET NX} on a key of its
 * own ({@code jobs:<job>:fired:<epoch ms>}, kept for a day), and a job's run lock is a Redisson {@link RLock} with a
 * lease.
 */
public final class RedisJobClaims implements JobClaims {

    /** How long a claimed fire time is remembered; far longer than any clock skew between instances. */
    static final Duration CLAIM_TTL = Duration.ofDays(1);

    private final RedissonClient redisson;
    private final String instance;

    /**
     * Claims in the Redis behind {@code redisson}.
     *
     * @param redisson the client shared by every instance
     * @param instance stored as the claim's value, to see in Redis who ran a fire time
     */
    public RedisJobClaims(RedissonClient redisson, String instance) {
        this.redisson = Objects.requireNonNull(redisson, "redisson");
        this.instance = Objects.requireNonNull(instance, "instance");
    }

    @Override
    public boolean claimFireTime(String job, Instant fireTime) {
        return redisson.<String>getBucket("jobs:" + job + ":fired:" + fireTime.toEpochMilli(), StringCodec.INSTANCE)
                .setIfAbsent(instance, CLAIM_TTL);
    }

    @Override
    public Held tryLock(String job, Duration lease) {
        RLock lock = redisson.getLock("jobs:" + job + ":running");
        boolean acquired;
        try {
            acquired = lock.tryLock(0, lease.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
        if (!acquired) {
            return null;
        }
        return () -> {
            // After the lease ran out the lock may belong to another run; only release our own.
            if (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
        };
    }
}
