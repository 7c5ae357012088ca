package io.orderbook.adapters.http.identity;

import io.orderbook.testsupport.ApiCall;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderbook.adapters.http.HttpServer;
import io.orderbook.adapters.persistence.Database;
import io.orderbook.adapters.persistence.UserRole;
import io.orderbook.adapters.security.PasswordHasher;
import io.orderbook.application.IdentityModule;
import io.orderbook.application.users.Actor;
import io.orderbook.application.users.UserAccount;
import io.orderbook.testsupport.TestClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.redisson.api.RedissonClient;

/**
 * A real {@link HttpServer} on a free port with an {@link IdentityModule} wired as the composition root
 * will wire it, plus a java.net.http client that can send from other loopback addresses (127.0.0.x) to
 * exercise per-address rules.
 */
public final class IdentityTestServer implements AutoCloseable {

    /** Every test user's password. */
    public static final String PASSWORD = "correct horse battery staple";
    /** 32 bytes of test JWT secret. */
    public static final byte[] JWT_SECRET = "identity-test-jwt-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    /** A cheap Argon2id cost: tests log in hundreds of times. */
    public static final PasswordHasher.Cost CHEAP = new PasswordHasher.Cost(1024, 1, 1);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Actor SYSTEM_ADMIN = new Actor(0, UserRole.ADMIN);

    private final TestClock clock;
    private final IdentityModule module;
    private final HttpServer server;
    private final Map<String, HttpClient> clientsByAddress = new ConcurrentHashMap<>();
    private final AtomicInteger names = new AtomicInteger();

    public IdentityTestServer(Database database, RedissonClient redisson, TestClock clock, UnaryOperator<IdentityModule.Settings> settings) {
        this.clock = clock;
        this.module = new IdentityModule(database, redisson, settings.apply(testSettings()), clock);
        this.server = HttpServer.builder().port(0).clock(clock)
                .authenticator(module.authenticator())
                .routes(module.routes())
                .build()
                .start();
    }

    /** Defaults with a cheap password hash and a fast last-use flush. */
    public static IdentityModule.Settings testSettings() {
        return IdentityModule.Settings.defaults(JWT_SECRET).withPasswordCost(CHEAP).withLastUseFlushInterval(Duration.ofMillis(50));
    }

    public IdentityModule module() {
        return module;
    }

    public TestClock clock() {
        return clock;
    }

    public int port() {
        return server.port();
    }

    /** A username no other call of this server returns, e.g. {@code alice-7}. */
    public String uniqueName(String base) {
        return base + "-" + names.incrementAndGet();
    }

    /** A new enabled user with {@link #PASSWORD}, created through the service. */
    public UserAccount createUser(String baseName, UserRole role) {
        return module.users().create(SYSTEM_ADMIN, uniqueName(baseName), PASSWORD, role);
    }

    /** Logs in over HTTP and returns the token response. */
    public JsonNode login(String username) {
        HttpResponse<String> response = request("POST", "/auth/login").json(Map.of("username", username, "password", PASSWORD)).send();
        if (response.statusCode() != 200) throw new AssertionError("login failed: " + response.statusCode() + " " + response.body());
        return json(response);
    }

    public String accessToken(String username) {
        return login(username).get("accessToken").asText();
    }

    /**
     * Creates an API key over HTTP with the given bearer token and returns the created-key response.
     *
     * @param extra more fields of the create request, overriding the defaults
     */
    public JsonNode createKey(String bearer, String scope, Map<String, Object> extra) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "test key");
        body.put("scope", scope);
        body.put("requestsPerMinute", 600);
        body.put("expiresAt", clock.instant().plus(Duration.ofDays(30)).toString());
        body.putAll(extra);
        HttpResponse<String> response = request("POST", "/api-keys").bearer(bearer).json(body).send();
        if (response.statusCode() != 201) throw new AssertionError("key creation failed: " + response.statusCode() + " " + response.body());
        return json(response);
    }

    /** A request to {@code /api/v1 + path}. */
    public Call request(String method, String path) {
        return new Call(method, path);
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }


    /** One request being put together; {@link #from} picks the loopback address it is sent from. */
    public final class Call extends ApiCall<Call> {
        private String fromAddress = "127.0.0.1";

        private Call(String method, String path) {
            super(method, path);
        }

        /** Sends from this loopback address, e.g. {@code 127.0.0.2}. */
        public Call from(String address) {
            this.fromAddress = address;
            return this;
        }

        @Override
        protected Call self() {
            return this;
        }

        @Override
        protected HttpClient client() {
            return IdentityTestServer.this.client(fromAddress);
        }

        @Override
        protected int port() {
            return server.port();
        }

    }

    private HttpClient client(String address) {
        return clientsByAddress.computeIfAbsent(address, a -> {
            try {
                return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).localAddress(InetAddress.getByName(a)).build();
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(a, e);
            }
        });
    }

    @Override
    public void close() {
        try {
            server.stop();
        } finally {
            module.close();
            clientsByAddress.values().forEach(HttpClient::close);
        }
    }
}
