package io.orderbook.application.jobs;

import io.orderbook.application.trading.CommandResult;
import io.orderbook.application.trading.Sequencer;
import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.EngineEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Expires the good-till-date orders whose time has passed: one {@link Command.ExpireOrders} through the sequencer,
 * like any other command, durable before the run ends. (A taker that meets an expired order expires it too; this
 * job clears the ones nobody meets.)
 */
final class OrderExpiryJob implements JobTask {

    private final Sequencer sequencer;
    private final Clock clock;
    private final Duration timeout;

    /**
     * A job that submits the expiry through {@code sequencer}.
     *
     * @param sequencer the node's sequencer
     * @param clock     gives the expiry command's timestamp
     * @param timeout   how long to wait for the sequencer to commit the expiry
     */
    public OrderExpiryJob(Sequencer sequencer, Clock clock, Duration timeout) {
        this.sequencer = Objects.requireNonNull(sequencer, "sequencer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public String run(Instant fireTime) throws Exception {
        CommandResult result = sequencer.submit(new Command.ExpireOrders(clock.millis()))
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        long expired = result.events().stream().filter(event -> event instanceof EngineEvent.OrderExpired).count();
        return "expired " + expired + (expired == 1 ? " order" : " orders");
    }
}
