package io.orderbook.adapters.http.auth;

import static io.orderbook.adapters.http.identity.IdentityRequests.actor;
import static io.orderbook.adapters.http.identity.IdentityRequests.body;

import io.javalin.http.Context;
import io.orderbook.adapters.http.ApiPaths;
import io.orderbook.adapters.http.ApiRoutes;
import io.orderbook.adapters.http.HttpRoutes;
import io.orderbook.adapters.http.RequestState;
import io.orderbook.adapters.http.apikeys.ApiKeyResponse;
import io.orderbook.adapters.http.pipeline.Access;
import io.orderbook.adapters.http.pipeline.Caller;
import io.orderbook.adapters.http.users.UserResponse;
import io.orderbook.application.apikeys.ApiKeyService;
import io.orderbook.application.auth.AuthService;
import io.orderbook.application.users.Actor;
import java.time.Clock;
import java.util.Objects;

/** {@code /auth}: log in, refresh, log out, and who am I. */
public final class AuthRoutes implements HttpRoutes {

    static final String AUTH = ApiPaths.V1 + "/auth";

    private final AuthService auth;
    private final ApiKeyService keys;
    private final Clock clock;

    /**
     * Routes over the login service.
     *
     * @param auth  logs in, refreshes and logs out
     * @param keys  reads the API key a caller authenticated with, for who-am-I
     * @param clock the time {@code expiresIn} is counted from
     */
    public AuthRoutes(AuthService auth, ApiKeyService keys, Clock clock) {
        this.auth = Objects.requireNonNull(auth, "auth");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public void addTo(ApiRoutes routes) {
        routes.post(AUTH + "/login", Access.PUBLIC, this::login)
                .post(AUTH + "/refresh", Access.PUBLIC, this::refresh)
                .post(AUTH + "/logout", Access.WRITE, this::logout)
                .get(AUTH + "/me", Access.READ, this::me);
    }

    private void login(Context ctx) {
        LoginRequest body = body(ctx, LoginRequest.class);
        ctx.json(TokenResponse.of(auth.login(body.username(), body.password(), ctx.ip()), clock));
    }

    private void refresh(Context ctx) {
        RefreshRequest body = body(ctx, RefreshRequest.class);
        ctx.json(TokenResponse.of(auth.refresh(body.refreshToken()), clock));
    }

    private void logout(Context ctx) {
        Actor actor = actor(ctx);
        LogoutRequest body = body(ctx, LogoutRequest.class);
        auth.logout(actor.userId(), body.refreshToken(), Boolean.TRUE.equals(body.allSessions()));
        ctx.status(204);
    }

    private void me(Context ctx) {
        Actor actor = actor(ctx);
        UserResponse user = UserResponse.of(auth.me(actor.userId()));
        if (RequestState.caller(ctx) instanceof Caller.ApiKey key) {
            ctx.json(new MeResponse(user, "API_KEY", ApiKeyResponse.of(keys.get(actor, key.apiKeyId()))));
        } else {
            ctx.json(new MeResponse(user, "BEARER_TOKEN", null));
        }
    }
}
