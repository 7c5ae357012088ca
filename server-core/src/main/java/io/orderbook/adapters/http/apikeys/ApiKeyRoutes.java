package io.orderbook.adapters.http.apikeys;

import static io.orderbook.adapters.http.identity.IdentityRequests.actor;
import static io.orderbook.adapters.http.identity.IdentityRequests.body;
import static io.orderbook.adapters.http.identity.IdentityRequests.optionalBody;
import static io.orderbook.adapters.http.identity.IdentityRequests.pathId;
import static io.orderbook.adapters.http.identity.IdentityRequests.queryId;

import io.javalin.http.Context;
import io.orderbook.adapters.http.ApiPaths;
import io.orderbook.adapters.http.ApiRoutes;
import io.orderbook.adapters.http.HttpRoutes;
import io.orderbook.adapters.http.RequestState;
import io.orderbook.adapters.http.identity.PageParameters;
import io.orderbook.adapters.http.identity.PageResponse;
import io.orderbook.adapters.http.pipeline.Access;
import io.orderbook.adapters.http.pipeline.Caller;
import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.application.apikeys.ApiKeyChanges;
import io.orderbook.application.apikeys.ApiKeyService;
import io.orderbook.application.apikeys.IssuedApiKey;
import io.orderbook.application.apikeys.NewApiKey;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/** {@code /api-keys}: users manage their own keys, administrators everyone's. */
public final class ApiKeyRoutes implements HttpRoutes {

    static final String KEYS = ApiPaths.V1 + "/api-keys";
    static final String KEY = KEYS + "/{id}";

    private final ApiKeyService keys;

    /**
     * Routes over the key service.
     *
     * @param keys creates, changes and lists API keys
     */
    public ApiKeyRoutes(ApiKeyService keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public void addTo(ApiRoutes routes) {
        routes.get(KEYS, Access.READ, this::list)
                .post(KEYS, Access.WRITE, this::create)
                .get(KEY, Access.READ, this::get)
                .patch(KEY, Access.WRITE, this::patch)
                .delete(KEY, Access.WRITE, this::delete)
                .post(KEY + "/revoke", Access.WRITE, this::revoke)
                .post(KEY + "/regenerate", Access.WRITE, this::regenerate);
    }

    private void list(Context ctx) {
        Optional<Long> owner = Optional.ofNullable(queryId(ctx, "userId"));
        ctx.json(PageResponse.of(keys.list(actor(ctx), owner, PageParameters.pageRequest(ctx)), ApiKeyResponse::of));
    }

    /**
     * Creating, changing and regenerating keys need a signed-in session: a key must not mint keys, or a key
     * restricted to some addresses or a short life could escape its restrictions. Revoking and deleting only
     * take access away, so any writing credential may do them.
     */
    private static void requireSession(Context ctx) {
        if (RequestState.caller(ctx) instanceof Caller.ApiKey) {
            throw ApiProblem.forbidden("Creating, changing or regenerating API keys needs a signed-in session, "
                    + "not an API key.");
        }
    }

    private void create(Context ctx) {
        requireSession(ctx);
        CreateApiKeyRequest body = body(ctx, CreateApiKeyRequest.class);
        IssuedApiKey issued = keys.create(actor(ctx), new NewApiKey(body.name(), body.scope(), body.requestsPerMinute(),
                body.expiresAt(), body.ipAllowList()));
        ctx.status(201).header("Location", KEYS + "/" + issued.key().id()).json(ApiKeyCreatedResponse.of(issued));
    }

    private void get(Context ctx) {
        ctx.json(ApiKeyResponse.of(keys.get(actor(ctx), pathId(ctx, "id"))));
    }

    private void patch(Context ctx) {
        requireSession(ctx);
        long id = pathId(ctx, "id");
        PatchApiKeyRequest body = body(ctx, PatchApiKeyRequest.class);
        ctx.json(ApiKeyResponse.of(keys.patch(actor(ctx), id,
                new ApiKeyChanges(body.name(), body.requestsPerMinute(), body.expiresAt(), body.ipAllowList()))));
    }

    private void delete(Context ctx) {
        keys.delete(actor(ctx), pathId(ctx, "id"));
        ctx.status(204);
    }

    private void revoke(Context ctx) {
        ctx.json(ApiKeyResponse.of(keys.revoke(actor(ctx), pathId(ctx, "id"))));
    }

    private void regenerate(Context ctx) {
        requireSession(ctx);
        long id = pathId(ctx, "id");
        RegenerateApiKeyRequest body = optionalBody(ctx, RegenerateApiKeyRequest.class, RegenerateApiKeyRequest.DEFAULTS);
        // Any long is a valid Duration; the service checks the range together with the other fields.
        Duration grace = body.graceSeconds() == null ? null : Duration.ofSeconds(body.graceSeconds());
        ctx.json(ApiKeyCreatedResponse.of(keys.regenerate(actor(ctx), id, grace, body.expiresAt())));
    }
}
