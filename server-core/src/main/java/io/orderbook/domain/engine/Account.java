package io.orderbook.domain.engine;

import java.util.Arrays;

/** One user's balances: per asset, an available part and a part locked by open orders. */
final class Account {
    final long userId;
    long[] available = new long[4];
    long[] locked = new long[4];

    Account(long userId) {
        this.userId = userId;
    }

    long available(int asset) {
        return asset < available.length ? available[asset] : 0;
    }

    long locked(int asset) {
        return asset < locked.length ? locked[asset] : 0;
    }

    /** Adds to the available balance; false (and no change) if the balance would overflow. */
    boolean credit(int asset, long amount) {
        requireNotNegative(amount);
        ensure(asset);
        long result = available[asset] + amount;
        if (((available[asset] ^ result) & (amount ^ result)) < 0) {
            return false;
        }
        available[asset] = result;
        return true;
    }

    /** Takes from the available balance; false (and no change) if there is not enough. */
    boolean debit(int asset, long amount) {
        requireNotNegative(amount);
        if (available(asset) < amount) {
            return false;
        }
        available[asset] -= amount;
        return true;
    }

    /** Moves an amount from available to locked; false (and no change) if there is not enough. */
    boolean lock(int asset, long amount) {
        requireNotNegative(amount);
        if (available(asset) < amount) {
            return false;
        }
        available[asset] -= amount;
        locked[asset] += amount;
        return true;
    }

    /** Moves an amount from locked back to available. */
    void unlock(int asset, long amount) {
        takeLocked(asset, amount);
        available[asset] += amount;
    }

    /** Spends an amount of the locked balance (it leaves the account). */
    void spendLocked(int asset, long amount) {
        takeLocked(asset, amount);
    }

    private void takeLocked(int asset, long amount) {
        if (amount < 0 || locked(asset) < amount) {
            // Reservations are computed so this cannot happen; failing loudly beats a negative balance.
            throw new IllegalStateException("account " + userId + " has " + locked(asset)
                    + " locked of asset " + asset + ", cannot release " + amount);
        }
        locked[asset] -= amount;
    }

    private static void requireNotNegative(long amount) {
        if (amount < 0) {
            // A negative lock or debit would mint money; callers compute amounts that cannot be negative.
            throw new IllegalArgumentException("negative amount " + amount);
        }
    }

    private void ensure(int asset) {
        if (asset >= available.length) {
            int size = Math.max(asset + 1, available.length * 2);
            available = Arrays.copyOf(available, size);
            locked = Arrays.copyOf(locked, size);
        }
    }

    void set(int asset, long availableAmount, long lockedAmount) {
        ensure(asset);
        available[asset] = availableAmount;
        locked[asset] = lockedAmount;
    }

    int assetSlots() {
        return available.length;
    }
}
