package io.orderbook.adapters.http.orders;

import io.orderbook.testsupport.ApiCall;
import io.orderbook.adapters.security.SecretBox;
import io.orderbook.adapters.signing.MarketKeyring;
import io.orderbook.application.trading.CommandContext;
import java.nio.charset.StandardCharsets;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.orderbook.adapters.http.HttpServer;
import io.orderbook.adapters.http.identity.IdentityTestServer;
import io.orderbook.adapters.persistence.Database;
import io.orderbook.adapters.persistence.UserRole;
import io.orderbook.adapters.persistence.trading.MarketRepository;
import io.orderbook.application.IdentityModule;
import io.orderbook.application.orders.Asset;
import io.orderbook.application.trading.TradingModule;
import io.orderbook.application.users.Actor;
import io.orderbook.application.users.UserAccount;
import io.orderbook.domain.model.Market;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.testsupport.TestClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.redisson.api.RedissonClient;

/**
 * A real {@link HttpServer} on a free port with {@link IdentityModule} and {@link TradingModule} wired as the
 * composition root wires them (real authentication, real sequencer, real PostgreSQL), plus a java.net.http client.
 * {@link #restart()} stops trading and the HTTP server cleanly and starts them again on the same database, as a
 * server restart would.
 *
 * <p>Markets for tests: {@link #installMarkets} stores BTC, ETH and USDT and three markets that share them.
 */
public final class TradingTestServer implements AutoCloseable {

    public static final Asset BTC = new Asset(1, "BTC", 8);
    public static final Asset ETH = new Asset(2, "ETH", 8);
    public static final Asset USDT = new Asset(3, "USDT", 6);
    /** Tick 0.01 USDT, lot 0.0001 BTC, minimum value 1 USDT, fees 0.1% maker and 0.2% taker. */
    public static final Market BTC_USDT = new Market(1, "BTC-USDT", BTC.id(), USDT.id(), 8, 10_000, 10_000,
            1_000_000, 1_000, 2_000, SelfTradePrevention.NONE);
    /** Tick 0.01 USDT, lot 0.001 ETH, no minimum, no fees, expire-taker self-trade prevention. */
    public static final Market ETH_USDT = new Market(2, "ETH-USDT", ETH.id(), USDT.id(), 8, 10_000, 100_000, 0, 0, 0,
            SelfTradePrevention.EXPIRE_TAKER);
    /** Tick 0.00001 BTC, lot 0.01 ETH, no minimum, 0.05% fees. */
    public static final Market ETH_BTC = new Market(3, "ETH-BTC", ETH.id(), BTC.id(), 8, 1_000, 1_000_000, 0, 500, 500,
            SelfTradePrevention.NONE);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Actor SYSTEM_ADMIN = new Actor(0, UserRole.ADMIN);

    private final Database database;
    private final Clock clock;
    private final UnaryOperator<TradingModule.Settings> settings;
    private final java.util.function.Function<TradingModule, io.orderbook.adapters.http.HttpRoutes> extraRoutes;
    private final IdentityModule identity;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final AtomicInteger names = new AtomicInteger();
    /** Every request-log entry the server wrote, for tests that check what is logged. */
    public final java.util.List<io.orderbook.adapters.http.pipeline.RequestLogEntry> requestLog =
            new java.util.concurrent.CopyOnWriteArrayList<>();
    private TradingModule trading;
    private HttpServer server;
    private String adminToken;

    public TradingTestServer(Database database, RedissonClient redisson, TestClock clock) {
        this(database, redisson, clock, UnaryOperator.identity());
    }

    public TradingTestServer(Database database, RedissonClient redisson, Clock clock,
                             UnaryOperator<TradingModule.Settings> settings) {
        this(database, redisson, clock, settings, trading -> routes -> { });
    }

    /**
     * A server that also serves the routes {@code extraRoutes} makes for each trading module it starts (added before
     * the trading routes), e.g. a {@code JobsModule}'s.
     */
    public TradingTestServer(Database database, RedissonClient redisson, Clock clock,
                             UnaryOperator<TradingModule.Settings> settings,
                             java.util.function.Function<TradingModule, io.orderbook.adapters.http.HttpRoutes> extraRoutes) {
        this.extraRoutes = extraRoutes;
        this.database = database;
        this.clock = clock;
        this.settings = settings;
        this.identity = new IdentityModule(database, redisson, IdentityTestServer.testSettings(), clock);
        start();
    }

    /** Stores the three assets and three markets (placeholder signing keys); call once per database. */
    public static void installMarkets(Database database) {
        installMarkets(database, 0);
    }

    /**
     * Stores the three assets and three markets, plus {@code separateBooks} markets {@code BTC1-USDT},
     * {@code BTC2-USDT}, ... with the rules of {@link #BTC_USDT}, for tests that need a book of their own.
     */
    public static void installMarkets(Database database, int separateBooks) {
        MarketRepository markets = new MarketRepository(database, Clock.systemUTC());
        for (Asset asset : new Asset[] {BTC, ETH, USDT}) {
            markets.insertAsset(asset.id(), asset.code(), asset.scale());
        }
        for (Market market : new Market[] {BTC_USDT, ETH_USDT, ETH_BTC}) {
            insertSigned(markets, market);
        }
        for (int i = 1; i <= separateBooks; i++) {
            insertSigned(markets, separateBook(i));
        }
    }

    /** The master key the test servers seal market signing keys with. */
    public static final SecretBox MASTER = new SecretBox("trading-test-server-master-key-0".getBytes(StandardCharsets.UTF_8));

    /** A keyring under {@link #MASTER}, as each node builds its own. */
    public static MarketKeyring keyring() {
        return new MarketKeyring(MASTER);
    }

    private static void insertSigned(MarketRepository markets, Market market) {
        CommandContext.MarketKeys keys = keyring().generate(market.id());
        markets.insertMarket(market, keys.publicKey(), keys.sealedPrivateKey());
    }

    /** The {@code n}-th separate book: {@code BTCn-USDT}, id {@code 10 + n}, with the rules of {@link #BTC_USDT}. */
    public static Market separateBook(int n) {
        return new Market(10 + n, "BTC" + n + "-USDT", BTC.id(), USDT.id(), 8, BTC_USDT.tickSize(),
                BTC_USDT.lotSize(), BTC_USDT.minNotional(), BTC_USDT.makerFeePpm(), BTC_USDT.takerFeePpm(),
                BTC_USDT.defaultStp());
    }

    private void start() {
        trading = new TradingModule(database, keyring(), identity.authenticator(),
                settings.apply(TradingModule.Settings.defaults()), clock);
        server = HttpServer.builder().port(0).clock(clock)
                .authenticator(identity.authenticator())
                .routes(identity.routes())
                .routes(extraRoutes.apply(trading))
                .routes(trading.routes())
                .requestLogSink(requestLog::add)
                .build()
                .start();
    }

    /** Stops the HTTP server and trading cleanly, then starts both again on the same database. */
    public void restart() {
        stopTrading();
        start();
    }

    private void stopTrading() {
        try {
            server.stop();
        } finally {
            trading.close();
        }
    }

    public TradingModule trading() {
        return trading;
    }

    public IdentityModule identity() {
        return identity;
    }

    public int port() {
        return server.port();
    }

    /** A new user with a bearer token. */
    public Trader trader(String baseName) {
        return user(baseName, UserRole.TRADER);
    }

    public Trader user(String baseName, UserRole role) {
        UserAccount account = identity.users().create(SYSTEM_ADMIN, baseName + "-" + names.incrementAndGet(),
                IdentityTestServer.PASSWORD, role);
        HttpResponse<String> login = request("POST", "/auth/login")
                .json(Map.of("username", account.username(), "password", IdentityTestServer.PASSWORD)).send();
        if (login.statusCode() != 200) {
            throw new AssertionError("login failed: " + login.body());
        }
        return new Trader(account.id(), json(login).get("accessToken").asText());
    }

    /** Credits a user's balance through the admin endpoint; {@code amount} is a decimal string. */
    public void deposit(Trader trader, Asset asset, String amount) {
        if (adminToken == null) {
            adminToken = user("admin", UserRole.ADMIN).token();
        }
        HttpResponse<String> response = request("POST", "/balances/adjustments").bearer(adminToken)
                .json(Map.of("userId", trader.id(), "asset", asset.code(), "amount", amount, "reason", "test deposit"))
                .send();
        if (response.statusCode() != 201) {
            throw new AssertionError("deposit failed: " + response.statusCode() + " " + response.body());
        }
    }

    /** An API key of the trader's with the given scope. */
    public String apiKey(Trader trader, String scope) {
        HttpResponse<String> response = request("POST", "/api-keys").bearer(trader.token())
                .json(Map.of("name", "k", "scope", scope, "requestsPerMinute", 100_000,
                        "expiresAt", clock.instant().plus(Duration.ofDays(1)).toString()))
                .send();
        if (response.statusCode() != 201) {
            throw new AssertionError("key creation failed: " + response.body());
        }
        return json(response).get("key").asText();
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

    /** A user and their access token. */
    public record Trader(long id, String token) {
    }

    /** One request being put together. */
    public final class Call extends ApiCall<Call> {

        private Call(String method, String path) {
            super(method, path);
        }

        public Call as(Trader trader) {
            return bearer(trader.token());
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
            return TradingTestServer.this.port();
        }

    }

    @Override
    public void close() {
        try {
            stopTrading();
        } finally {
            identity.close();
            client.close();
        }
    }
}
