package io.orderbook.application.trading;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the journal already holds of the client order ids and idempotency keys a batch carries: the client
 * order ids some durable order uses, and the first answers stored under idempotency keys.
 */
public record PriorRequests(Set<ClientOrderKey> takenClientOrderIds, Map<IdempotencyKey, Answer> answers) {

    /** Nothing known. */
    public static final PriorRequests NONE = new PriorRequests(Set.of(), Map.of());

    public PriorRequests {
        takenClientOrderIds = Set.copyOf(takenClientOrderIds);
        answers = Map.copyOf(answers);
    }

    /** The first answer to a request, and the fingerprint of that request. */
    public record Answer(String fingerprint, CommandResult result) {

        public Answer {
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(result, "result");
        }
    }
}
