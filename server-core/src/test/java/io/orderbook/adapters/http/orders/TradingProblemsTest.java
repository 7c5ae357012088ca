package io.orderbook.adapters.http.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.adapters.http.problem.ErrorCode;
import io.orderbook.domain.model.RejectReason;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TradingProblemsTest {

    /**
     * Reasons only a server fault can produce on the order path: the server chooses order ids and user ids, and
     * order commands never list or change markets (the market endpoints answer those themselves).
     */
    private static final Set<RejectReason> SERVER_FAULTS = EnumSet.of(RejectReason.DUPLICATE_ORDER_ID,
            RejectReason.INVALID_USER, RejectReason.MARKET_EXISTS, RejectReason.MARKET_FIELD_IMMUTABLE,
            RejectReason.MARKET_HAS_ORDERS);

    @ParameterizedTest
    @EnumSource(RejectReason.class)
    void every_reason_a_client_can_cause_is_a_4xx_with_a_code_of_the_same_name(RejectReason reason) {
        ApiProblem problem = TradingProblems.of(reason);

        if (SERVER_FAULTS.contains(reason)) {
            assertThat(problem.code()).isEqualTo(ErrorCode.INTERNAL);
        } else {
            assertThat(problem.code().name()).isEqualTo(reason.name());
            assertThat(problem.code().status()).isBetween(400, 499);
        }
    }

    @Test
    void statuses_say_what_kind_of_refusal_it_is() {
        assertThat(TradingProblems.of(RejectReason.UNKNOWN_ORDER).code().status()).isEqualTo(404);
        assertThat(TradingProblems.of(RejectReason.UNKNOWN_MARKET).code().status()).isEqualTo(404);
        assertThat(TradingProblems.of(RejectReason.PRICE_NOT_TICK_MULTIPLE).code().status()).isEqualTo(400);
        assertThat(TradingProblems.of(RejectReason.BELOW_MIN_NOTIONAL).code().status()).isEqualTo(400);
        assertThat(TradingProblems.of(RejectReason.POST_ONLY_WOULD_TAKE).code().status()).isEqualTo(409);
        assertThat(TradingProblems.of(RejectReason.ALREADY_CLOSED).code().status()).isEqualTo(409);
        assertThat(TradingProblems.of(RejectReason.MARKET_HALTED).code().status()).isEqualTo(409);
        assertThat(TradingProblems.of(RejectReason.INSUFFICIENT_FUNDS).code().status()).isEqualTo(422);
        assertThat(ErrorCode.IDEMPOTENCY_KEY_REUSED.status()).isEqualTo(422);
        assertThat(ErrorCode.DUPLICATE_CLIENT_ORDER_ID.status()).isEqualTo(409);
        assertThat(TradingProblems.of(RejectReason.ORDER_NOT_OPEN).code()).isEqualTo(ErrorCode.ORDER_NOT_OPEN);
        assertThat(ErrorCode.ORDER_NOT_OPEN.status()).isEqualTo(409);
    }

    @Test
    void unavailability_asks_the_client_to_retry() {
        ApiProblem problem = TradingProblems.unavailable();

        assertThat(problem.code().status()).isEqualTo(503);
        assertThat(problem.headers()).containsEntry("Retry-After", "1");
    }
}
