package io.orderbook.application.trading;

import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.EngineEvent;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Answers repeated requests of one batch before the engine sees them, so that a repeat never reaches a group
 * commit as a unique-key violation that would fail everyone else in the batch.
 *
 * <p>A client order id or idempotency key is known if the journal already holds it ({@link PriorRequests},
 * looked up once for the whole batch) or an earlier command of the same batch took it. Nothing else is needed:
 * the sequencer commits each batch before it takes the next, so whatever an earlier batch took is in the
 * journal by now. Used on the sequencer thread only.
 */
final class RequestScreen {
    private final PriorRequests prior;
    private final Set<ClientOrderKey> takenInBatch = new HashSet<>();
    private final Map<IdempotencyKey, PriorRequests.Answer> answeredInBatch = new HashMap<>();

    RequestScreen(PriorRequests prior) {
        this.prior = prior;
    }

    /**
     * The answer to give instead of applying the command, or null to apply it. An idempotency key is checked
     * first, so a retry gets its first answer even though that answer took the client order id it repeats.
     */
    CommandResult screen(Command command, CommandContext context) {
        if (context.idempotency() != null) {
            CommandContext.Idempotency idempotency = context.idempotency();
            PriorRequests.Answer first = answeredInBatch.get(idempotency.key());
            if (first == null) {
                first = prior.answers().get(idempotency.key());
            }
            if (first != null) {
                return first.fingerprint().equals(idempotency.fingerprint())
                        ? first.result().asReplay()
                        : CommandResult.refused(command, context, CommandResult.Status.IDEMPOTENCY_KEY_REUSED);
            }
        }
        ClientOrderKey clientOrder = context.clientOrderKey(command);
        if (clientOrder != null
                && (takenInBatch.contains(clientOrder) || prior.takenClientOrderIds().contains(clientOrder))) {
            return CommandResult.refused(command, context, CommandResult.Status.DUPLICATE_CLIENT_ORDER_ID);
        }
        return null;
    }

    /**
     * Notes what an applied command took: its client order id once the engine accepted its order (a rejected
     * order is stored nowhere, so its client order id stays free), and its answer under its idempotency key.
     */
    void applied(CommandResult result) {
        CommandContext context = result.context();
        ClientOrderKey clientOrder = context.clientOrderKey(result.command());
        if (clientOrder != null && accepted(result)) {
            takenInBatch.add(clientOrder);
        }
        if (context.idempotency() != null) {
            answeredInBatch.put(context.idempotency().key(),
                    new PriorRequests.Answer(context.idempotency().fingerprint(), result));
        }
    }

    /** Whether the engine accepted the order the command creates. */
    static boolean accepted(CommandResult result) {
        OptionalLong orderId = CommandContext.orderCreatedBy(result.command());
        if (orderId.isEmpty()) {
            return false;
        }
        for (EngineEvent event : result.events()) {
            if (event instanceof EngineEvent.OrderAccepted accepted && accepted.orderId() == orderId.getAsLong()) {
                return true;
            }
        }
        return false;
    }
}
