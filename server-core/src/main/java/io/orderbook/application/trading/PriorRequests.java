package io.orderbook.application.trading;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the journal already holds of the client order ids and idempotency keys a batch carries: the client
 * order ids some durable order uses, and the first answers stored under idempotency keys.
 *
 * @param takenClientOrderIds the batch's client order ids that a durable order already uses
 * @param answers             the first answer stored under each of the batch's idempotency keys that has one
 */
public record PriorRequests(Set<ClientOrderKey> takenClientOrderIds, Map<IdempotencyKey, Answer> answers) {

    /** Nothing known. */
    public static final PriorRequests NONE = new PriorRequests(Set.of(), Map.of());

    /** Copies both collections, so the result cannot change afterwards. */
    public PriorRequests {
        takenClientOrderIds = Set.copyOf(takenClientOrderIds);
        answers = Map.copyOf(answers);
    }

    /**
     * The first answer to a request, and the fingerprint of that request.
     *
     * @param fingerprint the digest of the request that got the answer, compared with a retry's
     * @param result      the answer, handed out again to a retry with the same fingerprint
     */
    public record Answer(String fingerprint, CommandResult result) {

        /**
         * Pairs an answer with its request's fingerprint.
         *
         * @throws NullPointerException if either is null
         */
        public Answer {
            Objects.requireNonNull(fingerprint, "fingerprint");
            Objects.requireNonNull(result, "result");
        }
    }
}
