package io.orderbook.adapters.http.markets;

import io.orderbook.testsupport.ApiCall;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderbook.adapters.http.HttpServer;
import io.orderbook.adapters.http.identity.IdentityTestServer;
import io.orderbook.adapters.persistence.UserRole;
import io.orderbook.adapters.persistence.trading.PostgresTradingJournal;
import io.orderbook.adapters.security.SecretBox;
import io.orderbook.adapters.signing.MarketKeyring;
import io.orderbook.application.IdentityModule;
import io.orderbook.application.markets.MarketModule;
import io.orderbook.application.trading.CommandResult;
import io.orderbook.application.trading.Sequencer;
import io.orderbook.application.users.Actor;
import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.testsupport.TestDatabase;
import io.orderbook.testsupport.TestRedis;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The server as the composition root wires it for markets: a real {@link HttpServer} on a free port with the
 * {@link IdentityModule} (real authentication) and the {@link MarketModule}, over a {@link Sequencer} whose journal
 * signs with the same keyring, on a test database and Redis. {@link #restart()} stops the sequencer and the HTTP
 * server and starts new ones (a new keyring too) on the same data, as a new process would.
 */
final class MarketTestServer implements AutoCloseable {

    /** The master key that seals the markets' private keys in these tests. */
    static final SecretBox MASTER_KEY = new SecretBox("market-http-test-master-key-0123".getBytes(StandardCharsets.UTF_8));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Actor SYSTEM_ADMIN = new Actor(0, UserRole.ADMIN);

    private final TestDatabase db;
    private final TestRedis redis;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final IdentityModule identity;
    private final AtomicLong orderIds = new AtomicLong(1_000_000);
    private final AtomicInteger names = new AtomicInteger();
    private Sequencer sequencer;
    private MarketModule markets;
    private HttpServer server;

    final String adminToken;
    final String traderToken;
    final long traderId;
    /** A READ_ONLY key of the administrator: reads, never writes. */
    final String adminReadOnlyKey;

    MarketTestServer(TestDatabase db, TestRedis redis) {
        this.db = db;
        this.redis = redis;
        this.identity = new IdentityModule(db.database(), redis.client(), IdentityTestServer.testSettings(), Clock.systemUTC());
        start();
        var admin = identity.users().create(SYSTEM_ADMIN, "market-admin", IdentityTestServer.PASSWORD, UserRole.ADMIN);
        var trader = identity.users().create(SYSTEM_ADMIN, "market-trader", IdentityTestServer.PASSWORD, UserRole.TRADER);
        this.adminToken = login(admin.username());
        this.traderToken = login(trader.username());
        this.traderId = trader.id();
        this.adminReadOnlyKey = json(request("POST", "/api-keys").bearer(adminToken).json(Map.of("name", "reader",
                "scope", "READ_ONLY", "requestsPerMinute", 100_000,
                "expiresAt", java.time.Instant.now().plus(Duration.ofDays(1)).toString())).send()).get("key").asText();
    }

    private void start() {
        MarketKeyring keyring = new MarketKeyring(MASTER_KEY);
        sequencer = new Sequencer(new PostgresTradingJournal(db.database(), keyring), 256, batch -> { });
        markets = new MarketModule(db.database(), redis.client(), sequencer, keyring, Clock.systemUTC());
        server = HttpServer.builder().port(0).authenticator(identity.authenticator())
                .routes(identity.routes()).routes(markets.routes()).build().start();
    }

    private void stop() {
        server.stop();
        markets.close();
        sequencer.close();
    }

    /** Stops the sequencer and the HTTP server, then starts both again (with a new keyring) on the same data. */
    void restart() {
        stop();
        start();
    }

    Sequencer sequencer() {
        return sequencer;
    }

    MarketModule markets() {
        return markets;
    }

    /** A name no other call returns, e.g. {@code A7} (for asset codes and symbols). */
    String unique(String base) {
        return base + names.incrementAndGet();
    }

    long nextOrderId() {
        return orderIds.incrementAndGet();
    }

    /** Applies a command through the sequencer and returns its events; fails the test if it was not applied. */
    List<EngineEvent> apply(Command command) {
        try {
            CommandResult result = sequencer.submit(command).get(10, TimeUnit.SECONDS);
            assertThat(result.applied()).isTrue();
            return result.events();
        } catch (Exception e) {
            throw new AssertionError("command failed: " + command, e);
        }
    }

    /** Credits a user's balance (through the sequencer, as the balances API will). */
    void deposit(long userId, int asset, long amount) {
        assertThat(apply(new Command.AdjustBalance(System.currentTimeMillis(), userId, asset, amount)))
                .singleElement().isInstanceOf(EngineEvent.BalanceAdjusted.class);
    }

    private String login(String username) {
        HttpResponse<String> response = request("POST", "/auth/login")
                .json(Map.of("username", username, "password", IdentityTestServer.PASSWORD)).send();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response).get("accessToken").asText();
    }

    /** A request to {@code /api/v1 + path}. */
    Call request(String method, String path) {
        return new Call(method, path);
    }

    Call asAdmin(String method, String path) {
        return request(method, path).bearer(adminToken);
    }

    Call asTrader(String method, String path) {
        return request(method, path).bearer(traderToken);
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + response.body(), e);
        }
    }

    /** One request being put together. */
    final class Call extends ApiCall<Call> {

        private Call(String method, String path) {
            super(method, path);
        }

        @Override
        protected Call self() {
            return this;
        }

        @Override
        protected HttpClient client() {
            return client;
        }

        @Override
        protected int port() {
            return server.port();
        }


        /** Sends and returns the JSON body, failing the test unless the status is {@code status}. */
        JsonNode expect(int status) {
            HttpResponse<String> response = send();
            assertThat(response.statusCode()).as(method() + " " + path() + ": " + response.body()).isEqualTo(status);
            return response.body().isEmpty() ? null : MarketTestServer.json(response);
        }
    }

    @Override
    public void close() {
        try {
            stop();
        } finally {
            identity.close();
            client.close();
        }
    }
}
