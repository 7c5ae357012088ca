package io.orderbook.adapters.persistence.trading;

import io.orderbook.application.trading.ClientOrderKey;
import io.orderbook.application.trading.CommandContext;
import io.orderbook.application.trading.CommandResult;
import io.orderbook.application.trading.IdempotencyKey;
import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.engine.MatchingEngine;
import io.orderbook.domain.model.Market;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The test oracle: what the sequencer should answer to each request, computed on a plain in-memory engine with
 * the screening rules written out once more (a client order id is taken once an order with it was accepted; an
 * idempotency key answers with the first applied result; the key is checked before the client order id).
 * It knows nothing of batches, journals or databases, so results through the durable path must equal its own.
 */
final class ReferenceRun {
    private final List<EngineEvent> events = new ArrayList<>();
    private final MatchingEngine engine = new MatchingEngine(events::add);
    private final Set<ClientOrderKey> taken = new HashSet<>();
    private final Map<IdempotencyKey, Answer> answers = new HashMap<>();
    private long sequence;

    ReferenceRun(List<Market> markets) {
        markets.forEach(engine::addMarket);
    }

    MatchingEngine engine() {
        return engine;
    }

    /** The expected answer to a request; applies it to the engine unless it is a repeat. */
    CommandResult submit(Command command, CommandContext context) {
        if (context.idempotency() != null) {
            Answer first = answers.get(context.idempotency().key());
            if (first != null) {
                return first.fingerprint.equals(context.idempotency().fingerprint())
                        ? withStatus(first.result, CommandResult.Status.REPLAYED)
                        : new CommandResult(0, command, context, List.of(), CommandResult.Status.IDEMPOTENCY_KEY_REUSED);
            }
        }
        ClientOrderKey clientOrder = clientOrderKey(command, context);
        if (clientOrder != null && taken.contains(clientOrder)) {
            return new CommandResult(0, command, context, List.of(), CommandResult.Status.DUPLICATE_CLIENT_ORDER_ID);
        }
        events.clear();
        engine.apply(command);
        CommandResult result = new CommandResult(++sequence, command, context, events, CommandResult.Status.APPLIED);
        long created = CommandContext.orderCreatedBy(command).orElse(-1);
        if (clientOrder != null && events.stream()
                .anyMatch(e -> e instanceof EngineEvent.OrderAccepted a && a.orderId() == created)) {
            taken.add(clientOrder);
        }
        if (context.idempotency() != null) {
            answers.put(context.idempotency().key(), new Answer(context.idempotency().fingerprint(), result));
        }
        return result;
    }

    /** Whether a client order id is taken for the user. */
    boolean isTaken(long userId, String clientOrderId) {
        return taken.contains(new ClientOrderKey(userId, clientOrderId));
    }

    static ClientOrderKey clientOrderKey(Command command, CommandContext context) {
        if (context.clientOrderId() == null) {
            return null;
        }
        long user = switch (command) {
            case Command.PlaceOrder c -> c.userId();
            case Command.TakeOrder c -> c.userId();
            case Command.CloseOrder c -> c.userId();
            default -> throw new IllegalArgumentException("no order in " + command);
        };
        return new ClientOrderKey(user, context.clientOrderId());
    }

    /** The parts of a result that must agree whatever the batching and restarts: not the sequence number. */
    static String comparable(CommandResult result) {
        return result.status() + " " + result.command() + " " + result.context() + " " + result.events();
    }

    static CommandResult withStatus(CommandResult result, CommandResult.Status status) {
        return new CommandResult(result.sequence(), result.command(), result.context(), result.events(), status);
    }

    private record Answer(String fingerprint, CommandResult result) {
    }
}
