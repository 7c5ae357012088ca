package io.orderbook.adapters.http;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * The API's JSON rules, as one Jackson {@link ObjectMapper} and the Javalin mapper that uses it.
 *
 * <ul>
 *   <li>Instants and dates are ISO-8601 text ({@code 2026-01-31T12:00:00Z}), never epoch numbers.</li>
 *   <li>Unknown properties are <b>rejected</b> (400 {@code VALIDATION_FAILED}): on a trading API a
 *       misspelt optional field ({@code "ipAlowList"}) must not be silently ignored.</li>
 *   <li>No type coercion: {@code "5"} is not a number, {@code 5} and {@code true} are not strings,
 *       {@code 1.5} is not an integer, {@code null} is not a primitive. Decimals are read as {@link java.math.BigDecimal} and written in plain notation.</li>
 *   <li>Reading a request body turns every Jackson failure into an
 *       {@link io.orderbook.adapters.http.problem.ApiProblem} (400); a failure while <i>writing</i> a
 *       response stays an exception and becomes a 500, because it is a server bug.</li>
 * </ul>
 */
public final class ApiJson implements io.javalin.json.JsonMapper {

    private final ObjectMapper mapper;

    /** JSON with a new mapper from {@link #newObjectMapper()}. */
    public ApiJson() {
        this(newObjectMapper());
    }

    /**
     * JSON with the given mapper.
     *
     * @param mapper a mapper configured by {@link #newObjectMapper()}, shared with other parts of the server
     */
    public ApiJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** {@return a new mapper with the API's rules} Share it: it is thread-safe once configured. */
    public static ObjectMapper newObjectMapper() {
        // Jackson's default pool keeps its buffers per thread; every request runs on a new virtual thread, so each
        // answer allocated fresh ones (a third of the server's allocation under load). A shared pool reuses them.
        JsonFactory factory = JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool()).build();
        return JsonMapper.builder(factory)
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                // ALLOW_COERCION_OF_SCALARS does not cover numbers and booleans read into strings.
                .withCoercionConfig(LogicalType.Textual, text -> text
                        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
                .build();
    }

    /** {@return the mapper this uses} */
    public ObjectMapper objectMapper() {
        return mapper;
    }

    @Override
    public String toJsonString(Object obj, Type type) {
        try {
            return mapper.writerFor(mapper.constructType(type)).writeValueAsString(obj);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write response as JSON", e);
        }
    }

    @Override
    public InputStream toJsonStream(Object obj, Type type) {
        return new ByteArrayInputStream(toJsonString(obj, type).getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public <T> T fromJsonString(String json, Type targetType) {
        try {
            return mapper.readValue(json, mapper.constructType(targetType));
        } catch (JacksonException e) {
            throw JsonInputProblems.toProblem(e);
        }
    }

    @Override
    public <T> T fromJsonStream(InputStream json, Type targetType) {
        try {
            return mapper.readValue(json, mapper.constructType(targetType));
        } catch (JacksonException e) {
            throw JsonInputProblems.toProblem(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
