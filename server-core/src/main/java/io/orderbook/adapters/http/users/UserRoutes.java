package io.orderbook.adapters.http.users;

import static io.orderbook.adapters.http.identity.IdentityRequests.actor;
import static io.orderbook.adapters.http.identity.IdentityRequests.body;
import static io.orderbook.adapters.http.identity.IdentityRequests.pathId;

import io.javalin.http.Context;
import io.orderbook.adapters.http.ApiPaths;
import io.orderbook.adapters.http.ApiRoutes;
import io.orderbook.adapters.http.HttpRoutes;
import io.orderbook.adapters.http.identity.PageParameters;
import io.orderbook.adapters.http.identity.PageResponse;
import io.orderbook.adapters.http.pipeline.Access;
import io.orderbook.application.users.UserAccount;
import io.orderbook.application.users.UserChanges;
import io.orderbook.application.users.UserService;
import java.util.Objects;

/** {@code /users}: user administration, for administrators only. */
public final class UserRoutes implements HttpRoutes {

    static final String USERS = ApiPaths.V1 + "/users";
    static final String USER = USERS + "/{id}";

    private final UserService users;

    /**
     * Routes over the user service.
     *
     * @param users creates, changes and lists users
     */
    public UserRoutes(UserService users) {
        this.users = Objects.requireNonNull(users, "users");
    }

    @Override
    public void addTo(ApiRoutes routes) {
        routes.get(USERS, Access.ADMIN_READ, this::list)
                .post(USERS, Access.ADMIN_WRITE, this::create)
                .get(USER, Access.ADMIN_READ, this::get)
                .patch(USER, Access.ADMIN_WRITE, this::patch)
                .delete(USER, Access.ADMIN_WRITE, this::delete);
    }

    private void list(Context ctx) {
        ctx.json(PageResponse.of(users.list(actor(ctx), PageParameters.pageRequest(ctx)), UserResponse::of));
    }

    private void create(Context ctx) {
        CreateUserRequest body = body(ctx, CreateUserRequest.class);
        UserAccount created = users.create(actor(ctx), body.username(), body.password(), body.role());
        ctx.status(201).header("Location", USERS + "/" + created.id()).json(UserResponse.of(created));
    }

    private void get(Context ctx) {
        ctx.json(UserResponse.of(users.get(actor(ctx), pathId(ctx, "id"))));
    }

    private void patch(Context ctx) {
        long id = pathId(ctx, "id");
        PatchUserRequest body = body(ctx, PatchUserRequest.class);
        ctx.json(UserResponse.of(users.patch(actor(ctx), id, new UserChanges(body.role(), body.enabled(), body.password()))));
    }

    private void delete(Context ctx) {
        users.delete(actor(ctx), pathId(ctx, "id"));
        ctx.status(204);
    }
}
