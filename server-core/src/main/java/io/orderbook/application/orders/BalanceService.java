package io.orderbook.application.orders;

import io.orderbook.adapters.persistence.Page;
import io.orderbook.adapters.persistence.PageRequest;
import io.orderbook.application.trading.CommandContext;
import io.orderbook.application.trading.Sequencer;
import io.orderbook.application.trading.SequencerUnavailableException;
import io.orderbook.application.users.Actor;
import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.Ledger;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Balances as the matching engine holds them, and the credits and debits administrators make. Balances are read
 * on the engine between two group commits ({@link Sequencer#read}), so they are exact, consistent across assets,
 * and never ahead of what is durable. Adjustments go through the sequencer like orders, with their audit context
 * stored in the same transaction.
 */
public final class BalanceService {
    private final Sequencer sequencer;
    private final MarketCatalog catalog;
    private final OrderHistory history;
    private final Clock clock;
    private final Duration answerTimeout;

    public BalanceService(Sequencer sequencer, MarketCatalog catalog, OrderHistory history, Clock clock,
                          Duration answerTimeout) {
        this.sequencer = Objects.requireNonNull(sequencer, "sequencer");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.history = Objects.requireNonNull(history, "history");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.answerTimeout = Objects.requireNonNull(answerTimeout, "answerTimeout");
    }

    /**
     * The user's balance of every asset they hold (available or locked not zero), by asset id.
     *
     * @throws SequencerUnavailableException if the engine does not answer in time
     */
    public List<Balance> balances(long userId) {
        List<Asset> assets = catalog.assets();
        return OrderService.Answers.await(sequencer.read(engine -> {
            Ledger ledger = engine.ledger();
            List<Balance> held = new ArrayList<>();
            for (Asset asset : assets) {
                long available = ledger.available(userId, asset.id());
                long locked = ledger.locked(userId, asset.id());
                if (available != 0 || locked != 0) {
                    held.add(new Balance(asset, available, locked));
                }
            }
            return held;
        }), answerTimeout);
    }

    /**
     * Credits (positive amount) or debits (negative amount) a user's available balance, recording who did it and
     * why. A debit larger than the available balance is refused; locked funds are never taken.
     *
     * @param userId a user's id, or {@link Ledger#FEE_ACCOUNT} for the fee account
     * @param reason why, for the audit trail: at most {@value CommandContext#MAX_REASON} characters
     * @throws IllegalArgumentException if the actor is not an administrator
     */
    public AdjustmentOutcome adjust(Actor admin, long userId, Asset asset, long amount, String reason, Retry retry) {
        if (!admin.isAdmin()) {
            throw new IllegalArgumentException("only administrators adjust balances");
        }
        CommandContext context = CommandContext.NONE.withAudit(reason, admin.userId());
        if (retry != null) {
            context = context.withIdempotency(admin.userId(), retry.key(), retry.fingerprint());
        }
        Command.AdjustBalance command = new Command.AdjustBalance(clock.millis(), userId, asset.id(), amount);
        return new AdjustmentOutcome(OrderService.Answers.await(sequencer.submit(command, context), answerTimeout));
    }

    /**
     * Credits or debits a user's available balance on the server's own behalf, as when it seeds demo data: audited
     * like an administrator's adjustment, with the reason and without an actor (the audit trail's actor is empty).
     *
     * @param reason why, for the audit trail: at most {@value CommandContext#MAX_REASON} characters
     */
    public AdjustmentOutcome adjustBySystem(long userId, Asset asset, long amount, String reason) {
        Objects.requireNonNull(reason, "reason");
        CommandContext context = new CommandContext(null, null, reason, null);
        Command.AdjustBalance command = new Command.AdjustBalance(clock.millis(), userId, asset.id(), amount);
        return new AdjustmentOutcome(OrderService.Answers.await(sequencer.submit(command, context), answerTimeout));
    }

    /** Whether balances can be kept for this account id: an existing user's, or the fee account. */
    public boolean accountExists(long userId) {
        return userId == Ledger.FEE_ACCOUNT || (userId > 0 && history.userExists(userId));
    }

    /** The audit trail of adjustments, newest first; of one user, or of everyone when {@code userId} is null. */
    public Page<BalanceAdjustmentRecord> adjustments(Long userId, PageRequest page) {
        return history.adjustments(userId, page);
    }
}
