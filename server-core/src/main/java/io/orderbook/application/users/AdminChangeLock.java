package io.orderbook.application.users;

/**
 * Serialises the user changes that could leave no enabled administrator (disable, demote, delete), on
 * every server node: two administrators disabling each other at the same moment must not both succeed.
 */
@FunctionalInterface
public interface AdminChangeLock {

    /** {@return a lock for a single node and for tests: a plain JVM monitor} */
    static AdminChangeLock inProcess() {
        Object monitor = new Object();
        return change -> {
            synchronized (monitor) {
                change.run();
            }
        };
    }

    /**
     * Runs {@code change} while holding the lock; rethrows what it throws.
     *
     * @param change the user change, including its check that an enabled administrator remains
     */
    void whileHeld(Runnable change);
}
