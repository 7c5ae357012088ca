package io.orderbook.adapters.http.identity;

import static io.orderbook.adapters.http.identity.IdentityTestServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;

/** Assertions shared by the identity HTTP tests. */
final class IdentityAssertions {

    private IdentityAssertions() {
    }

    /** The response is an RFC 9457 problem with this status and code. */
    static JsonNode assertProblem(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        JsonNode body = json(response);
        assertThat(body.get("status").asInt()).isEqualTo(status);
        assertThat(body.get("code").asText()).as(response.body()).isEqualTo(code);
        assertThat(body.get("requestId").asText()).isEqualTo(response.headers().firstValue("X-Request-Id").orElseThrow());
        return body;
    }
}
