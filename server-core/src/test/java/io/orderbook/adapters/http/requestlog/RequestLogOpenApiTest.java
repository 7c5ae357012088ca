package io.orderbook.adapters.http.requestlog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderbook.adapters.http.system.OpenApiRoutes;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The OpenAPI document describes the request-log endpoints as they are implemented. */
class RequestLogOpenApiTest {

    private static JsonNode document() throws IOException {
        try (InputStream in = OpenApiRoutes.class.getResourceAsStream(OpenApiRoutes.RESOURCE)) {
            return new ObjectMapper().readTree(in);
        }
    }

    private static List<String> parameters(JsonNode operation) {
        List<String> names = new ArrayList<>();
        operation.get("parameters").forEach(parameter -> names.add(parameter.get("name").asText()));
        return names;
    }

    private static List<String> properties(JsonNode schema) {
        List<String> names = new ArrayList<>();
        schema.get("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static List<String> components(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    @Test
    void queryParametersAreTheOnesTheHandlersAccept() throws IOException {
        JsonNode paths = document().get("paths");
        assertThat(parameters(paths.at("/~1request-logs/get"))).containsExactlyInAnyOrderElementsOf(RequestLogRoutes.SEARCH_PARAMETERS);
        assertThat(parameters(paths.at("/~1request-logs~1stats/get"))).containsExactlyInAnyOrderElementsOf(RequestLogRoutes.STATS_PARAMETERS);
        assertThat(paths.at("/~1request-logs/get/responses").has("403")).isTrue();
        assertThat(paths.at("/~1request-logs/get/x-access").asText()).isEqualTo("READ");
    }

    @Test
    void responseSchemasHaveExactlyTheFieldsTheHandlersWrite() throws IOException {
        JsonNode schemas = document().at("/components/schemas");
        assertThat(properties(schemas.get("RequestLogEntry"))).containsExactlyInAnyOrderElementsOf(components(RequestLogViews.Entry.class));
        assertThat(properties(schemas.get("RequestLogPage"))).containsExactlyInAnyOrderElementsOf(components(RequestLogViews.PageView.class));
        assertThat(properties(schemas.get("RequestLogStats"))).containsExactlyInAnyOrderElementsOf(components(RequestLogViews.Stats.class));
        JsonNode minute = schemas.at("/RequestLogStats/properties/minutes/items");
        assertThat(properties(minute)).containsExactlyInAnyOrderElementsOf(components(RequestLogViews.Minute.class));
        List<String> required = new ArrayList<>();
        minute.get("required").forEach(name -> required.add(name.asText()));
        assertThat(required).containsExactlyInAnyOrderElementsOf(components(RequestLogViews.Minute.class));
    }
}
