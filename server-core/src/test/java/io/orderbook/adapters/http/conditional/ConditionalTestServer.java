package io.orderbook.adapters.http.conditional;

import io.orderbook.adapters.http.HttpServer;
import io.orderbook.adapters.http.orders.TradingTestServer;
import io.orderbook.adapters.persistence.Database;
import io.orderbook.application.conditional.ConditionalOrderModule;
import io.orderbook.testsupport.ApiCall;
import io.orderbook.testsupport.TestClock;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.redisson.api.RedissonClient;

/**
 * A {@link TradingTestServer} (identity, trading, real PostgreSQL) plus a {@link ConditionalOrderModule} on it,
 * whose {@code /conditional-orders} routes are served by a second HTTP server on the same authenticator. More
 * modules on the same database and Redis ({@link #anotherInstance}) play other server instances.
 */
public final class ConditionalTestServer implements AutoCloseable {

    public final TradingTestServer trading;
    public final ConditionalOrderModule module;
    private final Database database;
    private final RedissonClient redisson;
    private final TestClock clock;
    private final HttpServer http;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<ConditionalOrderModule> others = new ArrayList<>();

    public ConditionalTestServer(Database database, RedissonClient redisson, TestClock clock) {
        this.database = database;
        this.redisson = redisson;
        this.clock = clock;
        this.trading = new TradingTestServer(database, redisson, clock);
        this.module = anotherInstance(ConditionalOrderModule.Settings.defaults());
        others.remove(module);
        this.http = HttpServer.builder().port(0).clock(clock).authenticator(trading.identity().authenticator())
                .routes(module.routes()).build().start();
    }

    /** Another conditional-order module over the same database, Redis and trading: a second server instance. */
    public ConditionalOrderModule anotherInstance(ConditionalOrderModule.Settings settings) {
        ConditionalOrderModule other = new ConditionalOrderModule(database, redisson, trading.trading(), settings, clock);
        others.add(other);
        return other;
    }

    /** A request to the conditional-order routes, {@code /api/v1 + path}. */
    public Call request(String method, String path) {
        return new Call(method, path);
    }

    public final class Call extends ApiCall<Call> {
        private Call(String method, String path) {
            super(method, path);
        }

        public Call as(TradingTestServer.Trader trader) {
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
            return http.port();
        }

    }

    @Override
    public void close() {
        try {
            http.stop();
            others.forEach(ConditionalOrderModule::close);
            module.close();
        } finally {
            trading.close();
            client.close();
        }
    }
}
