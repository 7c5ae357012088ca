package io.orderbook.adapters.http.orders;

import io.orderbook.adapters.http.HttpServer;
import io.orderbook.adapters.http.identity.IdentityTestServer;
import io.orderbook.adapters.persistence.Database;
import io.orderbook.adapters.persistence.DatabaseTarget;
import io.orderbook.adapters.redis.RedisConnector;
import io.orderbook.application.IdentityModule;
import io.orderbook.application.trading.TradingModule;
import java.time.Clock;
import java.util.Optional;
import org.redisson.api.RedissonClient;

/**
 * A trading server in a JVM of its own, wired like {@link TradingTestServer}, for tests that kill it with
 * SIGKILL. Arguments: JDBC URL, database user (or "-"), Redis URL, Redis key prefix. Prints {@code PORT=<n>} on
 * stdout once it serves, then runs until killed.
 */
public final class TradingServerProcess {

    private TradingServerProcess() {
    }

    public static void main(String[] args) throws InterruptedException {
        DatabaseTarget target = DatabaseTarget.of(args[0], args[1].equals("-") ? Optional.empty() : Optional.of(args[1]),
                Optional.empty()).withPoolSize(4);
        Database database = Database.open(target);
        RedissonClient redisson = RedisConnector.connect(args[2], args[3]);
        IdentityModule identity = new IdentityModule(database, redisson, IdentityTestServer.testSettings(),
                Clock.systemUTC());
        TradingModule trading = new TradingModule(database, TradingTestServer.keyring(), identity.authenticator(), TradingModule.Settings.defaults(),
                Clock.systemUTC());
        HttpServer server = HttpServer.builder().port(0)
                .authenticator(identity.authenticator())
                .routes(identity.routes())
                .routes(trading.routes())
                .build()
                .start();
        System.out.println("PORT=" + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
