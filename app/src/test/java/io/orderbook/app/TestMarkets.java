package io.orderbook.app;

import io.orderbook.adapters.persistence.UserRole;
import io.orderbook.application.markets.NewMarket;
import io.orderbook.application.orders.Asset;
import io.orderbook.application.users.Actor;
import io.orderbook.application.users.UserAccount;
import io.orderbook.bootstrap.EmbeddedServer;
import io.orderbook.domain.model.SelfTradePrevention;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Markets and funded traders on the {@link TestServer}, made through the server's own services as an administrator
 * would: assets {@code TBTC} (8 decimals) and {@code TUSD} (2), markets quoted in TUSD with tick 0.01, lot 0.0001,
 * minimum value 1 and 0.1 % fees, and traders holding 100 TBTC and 1,000,000 TUSD.
 */
public final class TestMarkets {

    /** Every test trader's password. */
    public static final String PASSWORD = "correct-horse-battery";
    private static final Set<String> MARKETS = new HashSet<>();
    private static final Map<String, Long> TRADERS = new HashMap<>();

    private TestMarkets() {
    }

    /** The administrator acting in fixtures. */
    private static Actor admin(EmbeddedServer server) {
        long id = server.identity().users().list(new Actor(0, UserRole.ADMIN),
                new io.orderbook.adapters.persistence.PageRequest(0, 1000)).items().stream()
                .filter(u -> u.username().equals("admin")).findFirst().orElseThrow().id();
        return new Actor(id, UserRole.ADMIN);
    }

    /** A market {@code <base>-TUSD} with base asset {@code base}, listed once per run. */
    public static synchronized String market(String base) {
        EmbeddedServer server = TestServer.server();
        Actor admin = admin(server);
        String symbol = base + "-TUSD";
        if (!MARKETS.contains(symbol)) {
          try {
            if (server.markets().service().assets().stream().noneMatch(a -> a.code().equals("TUSD"))) {
                server.markets().service().createAsset(admin, "TUSD", 2);
            }
            if (server.markets().service().assets().stream().noneMatch(a -> a.code().equals(base))) {
                server.markets().service().createAsset(admin, base, 8);
            }
            server.markets().service().createMarket(admin, new NewMarket(symbol, base, "TUSD", "1", "0.01", "1",
                    "0.001", "0.001", SelfTradePrevention.NONE));
            server.trading().markets().refresh();
            for (long trader : TRADERS.values()) {
                fund(server, admin, trader, base, 100_00000000L);
            }
            MARKETS.add(symbol);
          } catch (io.orderbook.adapters.http.problem.ApiProblem e) {
            throw new IllegalStateException(e.getMessage() + " " + e.errors(), e);
          }
        }
        return symbol;
    }

    /** A trader (created once per run) holding 100 of every test base asset and 1,000,000 TUSD. */
    public static synchronized String trader(String username) {
        EmbeddedServer server = TestServer.server();
        if (!TRADERS.containsKey(username)) {
            Actor admin = admin(server);
            UserAccount user = server.identity().users().create(admin, username, PASSWORD, UserRole.TRADER);
            TRADERS.put(username, user.id());
            fund(server, admin, user.id(), "TUSD", 1_000_000_00L);
            for (String symbol : MARKETS) {
                fund(server, admin, user.id(), symbol.substring(0, symbol.indexOf('-')), 100_00000000L);
            }
        }
        return username;
    }

    private static void fund(EmbeddedServer server, Actor admin, long userId, String asset, long minor) {
        server.trading().markets().refresh();
        Asset a = server.trading().markets().assetByCode(asset).orElseThrow();
        var outcome = server.trading().balances().adjust(admin, userId, a, minor, "test funds", null);
        if (outcome.rejectReason().isPresent()) {
            throw new IllegalStateException("funding " + asset + " refused: " + outcome.rejectReason().get());
        }
    }
}
