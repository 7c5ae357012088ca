package io.orderbook.adapters.persistence.trading;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import io.orderbook.application.trading.CommandContext;
import io.orderbook.application.trading.CommandResult;
import io.orderbook.application.trading.IdempotencyKey;
import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.EngineEvent;

import java.util.Arrays;
import java.util.List;

/**
 * The JSON form of a {@link CommandResult} kept as the first answer under an idempotency key: the command, its
 * context and its events, each command and event tagged with its record's simple name ({@code "@type"}).
 * The domain stays free of annotations: the type tags come from mix-ins and the sealed interfaces' permitted
 * subclasses. A market listing's key pair is left out: an answer to a retry does not need it.
 */
final class CommandResultJson {
    private static final ObjectMapper MAPPER = mapper();

    private CommandResultJson() {
    }

    static String write(CommandResult result) {
        CommandContext context = result.context();
        CommandContext.Idempotency idempotency = context.idempotency();
        Stored stored = new Stored(result.sequence(), result.command(), new StoredContext(context.clientOrderId(),
                idempotency == null ? null : idempotency.key().userId(),
                idempotency == null ? null : idempotency.key().key(),
                idempotency == null ? null : idempotency.fingerprint(),
                context.reason(), context.actorUserId()), result.events());
        try {
            return MAPPER.writeValueAsString(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a command result as JSON", e);
        }
    }

    /** The stored result, as it was when first applied ({@link CommandResult.Status#APPLIED}). */
    static CommandResult read(String json) {
        Stored stored;
        try {
            stored = MAPPER.readValue(json, Stored.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a stored command result", e);
        }
        StoredContext c = stored.context();
        CommandContext context = new CommandContext(c.clientOrderId(),
                c.idempotencyKey() == null ? null : new CommandContext.Idempotency(
                        new IdempotencyKey(c.idempotencyUserId(), c.idempotencyKey()), c.fingerprint()),
                c.reason(), c.actorUserId());
        return new CommandResult(stored.sequence(), stored.command(), context, stored.events(),
                CommandResult.Status.APPLIED);
    }

    private static ObjectMapper mapper() {
        ObjectMapper mapper = JsonMapper.builder()
                .addMixIn(Command.class, Tagged.class)
                .addMixIn(EngineEvent.class, Tagged.class)
                // Readable after later versions add fields.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, null))
                .build();
        for (Class<?> sealed : List.of(Command.class, EngineEvent.class)) {
            mapper.registerSubtypes(Arrays.stream(sealed.getPermittedSubclasses())
                    .map(type -> new NamedType(type, type.getSimpleName()))
                    .toArray(NamedType[]::new));
        }
        return mapper;
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "@type")
    private interface Tagged {
    }

    /** The stored form, apart from the application's record so either can change without the other. */
    record Stored(long sequence, Command command, StoredContext context, List<EngineEvent> events) {
    }

    record StoredContext(String clientOrderId, Long idempotencyUserId, String idempotencyKey, String fingerprint,
                         String reason, Long actorUserId) {
    }
}
