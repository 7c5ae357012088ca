package io.orderbook.app.client.inprocess;

import io.orderbook.adapters.http.pipeline.AuthenticationResult;
import io.orderbook.adapters.http.pipeline.Caller;
import io.orderbook.adapters.http.pipeline.PresentedCredentials;
import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.app.client.ClientException;
import io.orderbook.app.client.Session;
import io.orderbook.app.client.WorkstationClient;
import io.orderbook.application.auth.TokenPair;
import io.orderbook.application.users.Actor;
import io.orderbook.application.users.UserAccount;
import io.orderbook.adapters.persistence.UserRole;
import io.orderbook.bootstrap.EmbeddedServer;
import java.util.function.Supplier;

/**
 * The workstation's client in embedded mode: it calls server-core's application services directly, acting as
 * the logged-in user (an {@link Actor}), and gets live updates from the sequencer. The login goes through the
 * same checks (password, throttle, disabled users) as over HTTP.
 */
public class InProcessWorkstationClient implements WorkstationClient {

    /** The address in-process calls are attributed to (login throttle, allow-lists). */
    public static final String LOCAL_ADDRESS = "127.0.0.1";

    protected final EmbeddedServer server;
    protected final Session session;
    protected final Actor actor;

    protected InProcessWorkstationClient(EmbeddedServer server, Session session, Actor actor) {
        this.server = server;
        this.session = session;
        this.actor = actor;
    }

    /** Checks the password with the server's authentication service and identifies the user. */
    public static InProcessWorkstationClient login(EmbeddedServer server, String username, String password) {
        Session session = call(() -> {
            TokenPair tokens = server.identity().auth().login(username, password, LOCAL_ADDRESS);
            AuthenticationResult result = server.identity().authenticator()
                    .authenticate(new PresentedCredentials.BearerToken(tokens.accessToken()), LOCAL_ADDRESS);
            if (!(result instanceof AuthenticationResult.Authenticated(Caller.User user))) {
                throw new ClientException(401, "UNAUTHENTICATED", "Login failed", "The session was refused",
                        java.util.List.of());
            }
            UserAccount account = server.identity().auth().me(user.userId());
            return new Session(account.id(), account.username(), account.role().name());
        });
        return new InProcessWorkstationClient(server, session,
                new Actor(session.userId(), UserRole.valueOf(session.role())));
    }

    /** The server, for the admin screens' calls. */
    public EmbeddedServer server() {
        return server;
    }

    /** The logged-in user as the services' actor. */
    public Actor actor() {
        return actor;
    }

    /**
     * Runs a service call, turning the server's {@link ApiProblem} into the same {@link ClientException} an HTTP
     * client would get for it.
     */
    public static <T> T call(Supplier<T> serviceCall) {
        try {
            return serviceCall.get();
        } catch (ApiProblem problem) {
            throw toClientException(problem);
        }
    }

    /** The client-side form of a server problem. */
    public static ClientException toClientException(ApiProblem problem) {
        return new ClientException(problem.code().status(), problem.code().name(), problem.code().title(),
                problem.detail(), problem.errors().stream()
                        .map(e -> new ClientException.FieldError(e.field(), e.message())).toList());
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public String serverDescription() {
        return "embedded (" + server.baseUri() + ")";
    }

    @Override
    public void close() {
        // The embedded server outlives sessions; Connector closes it when the workstation exits.
    }
}
