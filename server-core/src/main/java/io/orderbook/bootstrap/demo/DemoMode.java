package io.orderbook.bootstrap.demo;

import io.orderbook.adapters.persistence.UserRepository;
import io.orderbook.application.IdentityModule;
import io.orderbook.application.markets.MarketService;
import io.orderbook.application.prices.LatestPrices;
import io.orderbook.application.trading.TradingModule;
import io.orderbook.bootstrap.GeneratedSecrets;
import io.orderbook.bootstrap.ServerConfig;
import io.orderbook.bootstrap.ServerInfrastructure;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo mode as the composition root switches it on ({@code DEMO_DATA=true}): seed the {@link DemoData}, then run
 * the {@link DemoMarketMaker} until the server stops.
 */
public final class DemoMode {

    private static final Logger LOG = LoggerFactory.getLogger(DemoMode.class);

    private DemoMode() {
    }

    /**
     * Seeds and starts quoting when the configuration asks for it.
     *
     * @param infrastructure the running server's infrastructure, whose configuration says whether to start
     * @param identity       creates the demo users
     * @param trading        credits the starting balances and places the market maker's orders
     * @param markets        lists the demo assets and markets
     * @param prices         the latest price events
     * @return what stops the market maker; does nothing when the demo mode is off or its seeding failed (a demo is
     *         not worth refusing to start the server over; the failure is logged)
     */
    public static AutoCloseable startIfEnabled(ServerInfrastructure infrastructure, IdentityModule identity,
                                               TradingModule trading, MarketService markets, LatestPrices prices) {
        ServerConfig config = infrastructure.config();
        DemoSettings settings = config.demo();
        if (!settings.enabled()) {
            return () -> { };
        }
        GeneratedSecrets secrets = new GeneratedSecrets(config.dataDir());
        DemoData.Accounts accounts;
        try {
            accounts = new DemoData(identity.users(), new UserRepository(infrastructure.database(), infrastructure.clock()),
                    markets, trading.balances(), settings.traderUsername(), () -> secrets.demoTraderPassword(config)).seed();
        } catch (RuntimeException e) {
            LOG.error("Demo data could not be created; the server runs without the demo market maker", e);
            return () -> { };
        }
        if (settings.traderPassword().isEmpty() && java.nio.file.Files.exists(secrets.demoTraderPasswordFile())) {
            LOG.info("Demo trader '{}': the password is in {}", settings.traderUsername(), secrets.demoTraderPasswordFile());
        }
        return new DemoMarketMaker(trading.orders(), markets, prices, accounts.makerId(), accounts.flowId(),
                DemoMarket.ALL, DemoMarketMaker.Settings.every(settings.makerRefresh())).start();
    }
}
