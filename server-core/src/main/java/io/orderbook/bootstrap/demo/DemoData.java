package io.orderbook.bootstrap.demo;

import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.adapters.persistence.PageRequest;
import io.orderbook.adapters.persistence.UserRepository;
import io.orderbook.adapters.persistence.UserRole;
import io.orderbook.adapters.persistence.UserRow;
import io.orderbook.application.markets.AssetView;
import io.orderbook.application.markets.MarketService;
import io.orderbook.application.orders.AdjustmentOutcome;
import io.orderbook.application.orders.Asset;
import io.orderbook.application.orders.BalanceAdjustmentRecord;
import io.orderbook.application.orders.BalanceService;
import io.orderbook.application.users.Actor;
import io.orderbook.application.users.UserService;
import io.orderbook.bootstrap.Secret;
import io.orderbook.bootstrap.demo.DemoMarket.DemoAsset;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills an installation with what a first look needs: the {@link DemoMarket#ALL demo markets} and their assets, the
 * market maker ({@value #MAKER}), a second bot that trades against it ({@value #FLOW}) and the demo trader, each with
 * starting balances. It goes through the same services as an administrator would (the markets through
 * {@link MarketService}, the users through {@link UserService}, the balances through {@link BalanceService}'s audited
 * adjustments, made by the system), and creates only what is missing: a second run, or a run after a crash half-way,
 * creates nothing twice. Two servers seeding one empty database at the very same moment could both credit a starting
 * balance; the demo mode is meant for one server.
 */
public final class DemoData {

    private static final Logger LOG = LoggerFactory.getLogger(DemoData.class);

    /** The market maker's username. */
    public static final String MAKER = "demo-maker";
    /** The username of the bot that now and then trades against the market maker. */
    public static final String FLOW = "demo-flow";
    /** The audit reason of every starting balance; also how a second run sees that a balance was given. */
    public static final String STARTING_BALANCE = "demo data: starting balance";
    /** The seeding acts as the system: no administrator user stands behind it. */
    private static final Actor SYSTEM = new Actor(0, UserRole.ADMIN);
    private static final int BOT_PASSWORD_BYTES = 24;

    private static final Map<DemoAsset, String> MAKER_BALANCES = balances("20000000", "300", "5000", "100000");
    private static final Map<DemoAsset, String> FLOW_BALANCES = balances("5000000", "75", "1250", "25000");
    private static final Map<DemoAsset, String> TRADER_BALANCES = balances("100000", "1", "10", "200");

    private final UserService users;
    private final UserRepository userRows;
    private final MarketService markets;
    private final BalanceService balances;
    private final String traderUsername;
    private final Supplier<Secret> traderPassword;
    private final SecureRandom random = new SecureRandom();

    /** The users the demo data made (or found), by id. */
    record Accounts(long makerId, long flowId, long traderId) {
    }

    /**
     * @param traderPassword the demo trader's password, asked for only if the trader is created
     */
    DemoData(UserService users, UserRepository userRows, MarketService markets, BalanceService balances,
                    String traderUsername, Supplier<Secret> traderPassword) {
        this.users = Objects.requireNonNull(users, "users");
        this.userRows = Objects.requireNonNull(userRows, "userRows");
        this.markets = Objects.requireNonNull(markets, "markets");
        this.balances = Objects.requireNonNull(balances, "balances");
        this.traderUsername = Objects.requireNonNull(traderUsername, "traderUsername");
        this.traderPassword = Objects.requireNonNull(traderPassword, "traderPassword");
    }

    /**
     * Creates whatever of the demo data is missing and returns the demo users. A market that cannot be listed (its
     * symbol is taken by a delisted market, or an asset of the same code has another scale) is skipped with a warning.
     */
    Accounts seed() {
        Map<String, Asset> assets = ensureAssets();
        for (DemoMarket market : DemoMarket.ALL) {
            ensureMarket(market);
        }
        long maker = ensureUser(MAKER, this::botPassword);
        long flow = ensureUser(FLOW, this::botPassword);
        long trader = ensureUser(traderUsername, traderPassword);
        credit(maker, MAKER_BALANCES, assets);
        credit(flow, FLOW_BALANCES, assets);
        credit(trader, TRADER_BALANCES, assets);
        return new Accounts(maker, flow, trader);
    }

    private Map<String, Asset> ensureAssets() {
        Map<String, Asset> byCode = new LinkedHashMap<>();
        for (AssetView asset : markets.assets()) {
            byCode.put(asset.code(), new Asset(asset.id(), asset.code(), asset.scale()));
        }
        for (DemoAsset wanted : List.of(DemoMarket.USD, DemoMarket.BTC, DemoMarket.ETH, DemoMarket.SOL)) {
            if (!byCode.containsKey(wanted.code())) {
                try {
                    AssetView created = markets.createAsset(SYSTEM, wanted.code(), wanted.scale());
                    byCode.put(created.code(), new Asset(created.id(), created.code(), created.scale()));
                    LOG.info("Demo data: created asset {}", wanted.code());
                } catch (ApiProblem raced) {
                    // Another server created it at the same time; read it back below.
                    markets.assets().stream().filter(a -> a.code().equals(wanted.code())).findFirst()
                            .ifPresent(a -> byCode.put(a.code(), new Asset(a.id(), a.code(), a.scale())));
                }
            }
        }
        return byCode;
    }

    private void ensureMarket(DemoMarket market) {
        if (markets.markets().stream().anyMatch(m -> m.symbol().equals(market.symbol()))) {
            return;
        }
        try {
            markets.createMarket(SYSTEM, market.listing());
            LOG.info("Demo data: listed market {}", market.symbol());
        } catch (ApiProblem problem) {
            if (markets.markets().stream().noneMatch(m -> m.symbol().equals(market.symbol()))) {
                LOG.warn("Demo data: cannot list market {}: {}", market.symbol(), problem.getMessage());
            }
        }
    }

    /** The password is asked for only when the user is created, so a generated one is made only when needed. */
    private long ensureUser(String username, Supplier<Secret> password) {
        Optional<UserRow> existing = userRows.findByUsername(username);
        if (existing.isPresent()) {
            return existing.get().id();
        }
        try {
            long id = users.create(SYSTEM, username, password.get().reveal(), UserRole.TRADER).id();
            LOG.info("Demo data: created user {}", username);
            return id;
        } catch (ApiProblem problem) {
            // Taken at the same time by another server: use that user.
            return userRows.findByUsername(username).map(UserRow::id).orElseThrow(() -> problem);
        }
    }

    private void credit(long userId, Map<DemoAsset, String> amounts, Map<String, Asset> assets) {
        List<BalanceAdjustmentRecord> given = balances.adjustments(userId, PageRequest.first(PageRequest.MAX_LIMIT))
                .items().stream().filter(a -> STARTING_BALANCE.equals(a.reason())).toList();
        amounts.forEach((demoAsset, amount) -> {
            Asset asset = assets.get(demoAsset.code());
            if (asset == null || given.stream().anyMatch(a -> a.assetId() == asset.id())) {
                return;
            }
            long minor = new BigDecimal(amount).movePointRight(asset.scale()).longValueExact();
            AdjustmentOutcome outcome = balances.adjustBySystem(userId, asset, minor, STARTING_BALANCE);
            if (outcome.rejectReason().isPresent()) {
                LOG.warn("Demo data: the starting balance of {} for user {} was refused: {}", asset.code(), userId,
                        outcome.rejectReason().get());
            }
        });
    }

    private Secret botPassword() {
        // Nobody logs in as a bot: a random password nobody knows.
        byte[] bytes = new byte[BOT_PASSWORD_BYTES];
        random.nextBytes(bytes);
        return Secret.ofText(Base64.getEncoder().encodeToString(bytes));
    }

    private static Map<DemoAsset, String> balances(String usd, String btc, String eth, String sol) {
        Map<DemoAsset, String> amounts = new LinkedHashMap<>();
        amounts.put(DemoMarket.USD, usd);
        amounts.put(DemoMarket.BTC, btc);
        amounts.put(DemoMarket.ETH, eth);
        amounts.put(DemoMarket.SOL, sol);
        return amounts;
    }
}
