package io.orderbook.domain.engine;

import org.agrona.collections.Long2ObjectHashMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Every user's balances, shared by all markets, plus the fee account. Balances never go negative:
 * every debit and lock checks the available amount first.
 */
public final class Ledger {
    /** The account that collects trading fees. User ids of traders are positive. */
    public static final long FEE_ACCOUNT = 0;

    private final Long2ObjectHashMap<Account> accounts = new Long2ObjectHashMap<>();
    /** Per asset, the sum of all balances; only deposits and withdrawals change it. */
    private long[] supply = new long[8];

    /** An empty ledger: no accounts, every supply zero. */
    public Ledger() {
    }

    /**
     * Available balance of a user's asset.
     *
     * @param userId the account holder ({@link #FEE_ACCOUNT} for fees)
     * @param asset  the asset id
     * @return free amount in the asset's minor units; 0 for an unknown user or asset
     */
    public long available(long userId, int asset) {
        Account account = accounts.get(userId);
        return account == null ? 0 : account.available(asset);
    }

    /**
     * Part of a user's asset locked by open orders.
     *
     * @param userId the account holder
     * @param asset  the asset id
     * @return locked amount in the asset's minor units; 0 for an unknown user or asset
     */
    public long locked(long userId, int asset) {
        Account account = accounts.get(userId);
        return account == null ? 0 : account.locked(asset);
    }

    /**
     * Sum of all available and locked balances of an asset, the fee account included, counted anew.
     *
     * @param asset the asset id
     * @return the sum in the asset's minor units
     * @throws ArithmeticException if the sum overflows a long
     */
    public long total(int asset) {
        long total = 0;
        for (Account account : accounts.values()) {
            total = Math.addExact(total, Math.addExact(account.available(asset), account.locked(asset)));
        }
        return total;
    }

    /**
     * The asset's total supply as tracked through deposits and withdrawals; always equals {@link #total}.
     *
     * @param asset the asset id
     * @return the supply in the asset's minor units; 0 for an asset never deposited
     */
    long supply(int asset) {
        return asset < supply.length ? supply[asset] : 0;
    }

    /** Records a deposit (positive) or withdrawal (negative) in the asset's supply. */
    void changeSupply(int asset, long delta) {
        if (asset >= supply.length) {
            supply = Arrays.copyOf(supply, Math.max(asset + 1, supply.length * 2));
        }
        supply[asset] += delta;
    }

    /**
     * Every non-zero balance, sorted by user and asset.
     *
     * @return a new mutable list, empty when nothing is held
     */
    public List<Balance> balances() {
        List<Balance> result = new ArrayList<>();
        for (Account account : accounts.values()) {
            for (int asset = 0; asset < account.assetSlots(); asset++) {
                if (account.available(asset) != 0 || account.locked(asset) != 0) {
                    result.add(new Balance(account.userId, asset, account.available(asset), account.locked(asset)));
                }
            }
        }
        result.sort(Comparator.comparingLong(Balance::userId).thenComparingInt(Balance::asset));
        return result;
    }

    Account account(long userId) {
        Account account = accounts.get(userId);
        if (account == null) {
            account = new Account(userId);
            accounts.put(userId, account);
        }
        return account;
    }

    /**
     * One balance.
     *
     * @param userId    the account holder
     * @param asset     the asset id
     * @param available free to spend
     * @param locked    reserved by open orders
     */
    public record Balance(long userId, int asset, long available, long locked) {
    }
}
