package io.orderbook.adapters.http.pipeline;

import io.orderbook.adapters.http.problem.ApiProblem;
import java.util.Objects;

/** What a {@link RequestAuthenticator} concluded about presented credentials. */
public sealed interface AuthenticationResult {

    /**
     * The credentials are valid now: they exist, are not expired or revoked, and their owner is enabled.
     *
     * @param caller who the credentials identify; never {@link Caller#ANONYMOUS}
     */
    record Authenticated(Caller caller) implements AuthenticationResult {
        /**
         * Checks the caller.
         *
         * @throws IllegalArgumentException if the caller is anonymous
         */
        public Authenticated {
            Objects.requireNonNull(caller, "caller");
            if (caller instanceof Caller.Anonymous) throw new IllegalArgumentException("an authenticated caller is not anonymous");
        }
    }

    /**
     * The credentials must not be used. {@code problem} is the answer (usually 401 {@code UNAUTHENTICATED},
     * 403 {@code FORBIDDEN} for an address outside a key's allow-list). {@code identified} is whose
     * credentials they were, when known (a revoked or expired key, a disabled user): the request log
     * records it so owners can see refused use of their keys; otherwise {@link Caller#ANONYMOUS}.
     *
     * @param problem    the answer to send
     * @param identified whose credentials they were, or {@link Caller#ANONYMOUS} if unknown
     */
    record Refused(ApiProblem problem, Caller identified) implements AuthenticationResult {
        /** Requires both parts. */
        public Refused {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(identified, "identified");
        }

        /**
         * A refusal of credentials whose owner is unknown.
         *
         * @param problem the answer to send
         */
        public Refused(ApiProblem problem) {
            this(problem, Caller.ANONYMOUS);
        }
    }
}
