package io.orderbook.application.jobs;

import java.time.Duration;
import java.time.Instant;

/**
 * Cluster-wide coordination of job runs (Redis): each fire time is claimed by one instance, and a job runs in one
 * place at a time.
 */
public interface JobClaims {

    /**
     * Claims a job's fire time for this instance.
     *
     * @param job      the job's name
     * @param fireTime the fire time to claim
     * @return true if this call won it; false when another instance (or an earlier call) has it
     */
    boolean claimFireTime(String job, Instant fireTime);

    /**
     * Takes the job's run lock for at most {@code lease} (so a crashed instance does not block the job for ever);
     * returns a handle that releases it, or null when the job is running elsewhere. The handle must be closed by the
     * thread that took it.
     *
     * @param job   the job's name
     * @param lease how long the lock holds at most if it is never released
     * @return the held lock, or null when the job is running elsewhere
     */
    Held tryLock(String job, Duration lease);

    /** A held run lock. */
    interface Held extends AutoCloseable {
        @Override
        void close();
    }
}
