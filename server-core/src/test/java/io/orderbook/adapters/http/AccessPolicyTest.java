package io.orderbook.adapters.http;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderbook.adapters.http.pipeline.Access;
import io.orderbook.adapters.http.pipeline.AccessPolicy;
import io.orderbook.adapters.http.pipeline.Caller;
import io.orderbook.adapters.http.pipeline.KeyScope;
import io.orderbook.adapters.http.pipeline.Role;
import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.adapters.http.problem.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccessPolicyTest {

    private static Caller caller(String name) {
        return switch (name) {
            case "anonymous" -> Caller.ANONYMOUS;
            case "trader" -> new Caller.User(1, Role.TRADER);
            case "admin" -> new Caller.User(2, Role.ADMIN);
            case "trader-ro-key" -> new Caller.ApiKey(1, Role.TRADER, 10, KeyScope.READ_ONLY, 60);
            case "trader-rw-key" -> new Caller.ApiKey(1, Role.TRADER, 11, KeyScope.READ_WRITE, 60);
            case "admin-ro-key" -> new Caller.ApiKey(2, Role.ADMIN, 12, KeyScope.READ_ONLY, 60);
            case "admin-rw-key" -> new Caller.ApiKey(2, Role.ADMIN, 13, KeyScope.READ_WRITE, 60);
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0} on {1} -> {2}")
    @CsvSource({
            "anonymous,     PUBLIC,      ALLOWED",
            "anonymous,     READ,        UNAUTHENTICATED",
            "anonymous,     ADMIN_READ,  UNAUTHENTICATED",
            "trader,        READ,        ALLOWED",
            "trader,        WRITE,       ALLOWED",
            "trader,        ADMIN_READ,  FORBIDDEN",
            "trader,        ADMIN_WRITE, FORBIDDEN",
            "admin,         ADMIN_WRITE, ALLOWED",
            "trader-ro-key, READ,        ALLOWED",
            "trader-ro-key, WRITE,       FORBIDDEN",
            "trader-rw-key, WRITE,       ALLOWED",
            "trader-rw-key, ADMIN_READ,  FORBIDDEN",
            "admin-ro-key,  ADMIN_READ,  ALLOWED",
            "admin-ro-key,  ADMIN_WRITE, FORBIDDEN",
            "admin-rw-key,  ADMIN_WRITE, ALLOWED",
    })
    void decides(String who, Access access, String outcome) {
        if (outcome.equals("ALLOWED")) {
            assertThatCode(() -> AccessPolicy.authorize(caller(who), access)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> AccessPolicy.authorize(caller(who), access))
                    .isInstanceOfSatisfying(ApiProblem.class, p -> org.assertj.core.api.Assertions.assertThat(p.code()).isEqualTo(ErrorCode.valueOf(outcome)));
        }
    }
}
