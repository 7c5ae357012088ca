package io.orderbook.application.markets;

import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.adapters.http.problem.ErrorCode;
import io.orderbook.adapters.http.problem.Violations;
import io.orderbook.adapters.persistence.DuplicateKeyException;
import io.orderbook.adapters.persistence.trading.MarketRepository;
import io.orderbook.adapters.persistence.trading.MarketRepository.AssetRow;
import io.orderbook.adapters.persistence.trading.MarketRepository.MarketRow;
import io.orderbook.adapters.security.SecretBox;
import io.orderbook.adapters.signing.MarketKeyring;
import io.orderbook.application.trading.CommandContext;
import io.orderbook.application.trading.CommandResult;
import io.orderbook.application.trading.Sequencer;
import io.orderbook.application.trading.SequencerUnavailableException;
import io.orderbook.application.users.Actor;
import io.orderbook.domain.engine.BookLevel;
import io.orderbook.domain.engine.Command;
import io.orderbook.domain.engine.EngineEvent;
import io.orderbook.domain.engine.MatchingEngine;
import io.orderbook.domain.model.Market;
import io.orderbook.domain.model.RejectReason;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.Side;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;

/**
 * Assets and markets: administrators create assets and list, change, halt, resume and delist markets; everyone
 * reads the markets (from the {@link MarketCache}), a market's book (from the engine, between two batches) and its
 * recent signed trades (from the database).
 *
 * <p>Every market change is a command through the {@link Sequencer}, so the engine and the tables change together
 * in one group commit (see {@link Command.AddMarket}); the cache is updated after the commit. Changes on this node
 * are serialized, so the cache sees them in commit order. If the cache loses the list (Redis restarted or the key
 * was deleted) the next read reloads it from the database; if it cannot be written, reads fall back to the
 * database until it can.
 */
public final class MarketService {
    private static final Logger LOG = LoggerFactory.getLogger(MarketService.class);
    private static final Pattern ASSET_CODE = Pattern.compile("[A-Z0-9]{1,16}");
    /** Fee rates are parts per million: six decimal places of a fraction. */
    private static final int FEE_SCALE = 6;
    /** The most decimal places an asset may have: 10^18 minor units still fit a long. */
    public static final int MAX_SCALE = 18;
    /** The most levels per side one book read returns. */
    public static final int MAX_BOOK_DEPTH = 500;
    /** The most trades one recent-trades read returns. */
    public static final int MAX_TRADES = 500;
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(10);
    private static final long LOCAL_COPY_NANOS = Duration.ofSeconds(1).toNanos();
    private static final long REBUILD_BACKOFF_NANOS = Duration.ofSeconds(5).toNanos();

    private final MarketRepository repository;
    private final MarketCache cache;
    private final Sequencer sequencer;
    private final MarketKeyring keyring;
    private final Clock clock;
    /** Serializes changes (and cache reloads) on this node, so the cache is written in commit order. */
    private final ReentrantLock changes = new ReentrantLock();
    /** Set when a cache write failed: the cache may be stale, so reads use the database until it is rebuilt. */
    private volatile boolean cacheStale;
    /** While the cache is stale, when the next read may try to rebuild it (so a Redis outage does not slow every read). */
    private volatile long rebuildAfterNanos;
    /** Markets recently looked up on the order path, with when the copy expires (see {@link #lookup}). */
    private final ConcurrentHashMap<String, LocalCopy> localCopies = new ConcurrentHashMap<>();

    private record LocalCopy(MarketView market, long expiresAtNanos) {
    }

    /** Book reads queued on the sequencer and not answered yet, by market and depth (see {@link #book}). */
    private final ConcurrentHashMap<Long, CompletableFuture<Levels>> bookReads = new ConcurrentHashMap<>();

    /**
     * Creates the service.
     *
     * @param repository stored assets and markets
     * @param cache      the markets every node serves
     * @param sequencer  the single writer that applies market changes to the engine
     * @param keyring    seals and opens the markets' signing keys
     * @param clock      what "now" is
     */
    public MarketService(MarketRepository repository, MarketCache cache, Sequencer sequencer, MarketKeyring keyring,
                         Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.sequencer = Objects.requireNonNull(sequencer, "sequencer");
        this.keyring = Objects.requireNonNull(keyring, "keyring");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    // ---- assets ----

    /**
     * Creates an asset.
     *
     * @param actor the caller, who must be an administrator
     * @param code  1 to 16 capital letters or digits, e.g. {@code BTC}
     * @param scale decimal places, 0 to {@value #MAX_SCALE}: one whole unit is 10^scale minor units
     * @return the new asset
     * @throws ApiProblem 400 for a bad code or scale, 409 when the code is taken
     */
    public AssetView createAsset(Actor actor, String code, Integer scale) {
        requireAdmin(actor);
        new Violations()
                .check(code != null && ASSET_CODE.matcher(code).matches(), "code", "must be 1 to 16 capital letters or digits")
                .check(scale != null && scale >= 0 && scale <= MAX_SCALE, "scale", "must be an integer from 0 to " + MAX_SCALE)
                .throwIfAny();
        for (int attempt = 1; ; attempt++) {
            try {
                return view(repository.createAsset(code, scale));
            } catch (DuplicateKeyException e) {
                if (e.constraint().equals("assets_code_key")) {
                    throw ApiProblem.conflict("The asset " + code + " exists already.");
                }
                if (attempt == 3) {
                    throw e;
                }
                // Another node took the same new id at the same time: draw again.
            }
        }
    }

    /** {@return every asset, by code} */
    public List<AssetView> assets() {
        return repository.assets().stream().map(MarketService::view).toList();
    }

    // ---- reading markets ----

    /** {@return every listed market, by symbol, from the cache (reloaded from the database if it lost them)} */
    public List<MarketView> markets() {
        if (!cacheStale) {
            try {
                Optional<List<MarketView>> cached = cache.all();
                if (cached.isPresent()) {
                    return cached.get();
                }
            } catch (RuntimeException e) {
                LOG.warn("Cannot read the market cache; reading markets from the database", e);
                return liveMarkets();
            }
        } else if (System.nanoTime() - rebuildAfterNanos < 0) {
            return liveMarkets();
        }
        return reload();
    }

    /**
     * The listed market with this symbol (letter case ignored), from the cache.
     *
     * @param symbol the market's symbol, e.g. {@code BTC-USDT}
     * @return the market
     * @throws ApiProblem 404 when no market with that symbol is listed
     */
    public MarketView market(String symbol) {
        String normalized = normalizeSymbol(symbol);
        if (!cacheStale) {
            try {
                Optional<MarketView> cached = cache.get(normalized);
                if (cached.isPresent()) {
                    return cached.get();
                }
                if (cache.loaded()) {
                    throw unknownMarket(symbol);
                }
            } catch (ApiProblem problem) {
                throw problem;
            } catch (RuntimeException e) {
                LOG.warn("Cannot read the market cache; reading market {} from the database", normalized, e);
                return repository.liveMarket(normalized).map(MarketService::view).orElseThrow(() -> unknownMarket(symbol));
            }
        } else if (System.nanoTime() - rebuildAfterNanos < 0) {
            return repository.liveMarket(normalized).map(MarketService::view).orElseThrow(() -> unknownMarket(symbol));
        }
        return reload().stream().filter(m -> m.symbol().equals(normalized)).findFirst()
                .orElseThrow(() -> unknownMarket(symbol));
    }

    /**
     * The market with this symbol for the order path, where a Redis round trip per order would cost too much: from
     * a copy in memory at most a second old (dropped at once when this node changes the market). Its id, symbol,
     * assets and scales never change; its rules and halt may be a second old, which is safe because the engine
     * checks every order against the rules it holds.
     *
     * @param symbol the market's symbol, e.g. {@code BTC-USDT}
     * @return the market, its rules at most a second old
     * @throws ApiProblem 404 when no market with that symbol is listed
     */
    public MarketView lookup(String symbol) {
        String normalized = normalizeSymbol(symbol);
        long now = System.nanoTime();
        LocalCopy copy = localCopies.get(normalized);
        if (copy != null && now - copy.expiresAtNanos() < 0) {
            return copy.market();
        }
        MarketView market = market(normalized);
        localCopies.put(normalized, new LocalCopy(market, now + LOCAL_COPY_NANOS));
        return market;
    }

    /**
     * The best {@code depth} levels of each side of a market's book, read on the engine between two batches.
     * Concurrent requests for the same book share one read that is still queued or running, so a flood of book
     * requests costs the sequencer one read per batch; a read that has been answered is never shared, so a caller
     * always sees every order acknowledged before it asked.
     *
     * @param symbol the market's symbol, e.g. {@code BTC-USDT}
     * @param depth  levels per side, 1 to {@value #MAX_BOOK_DEPTH}
     * @return both sides of the book, best price first
     * @throws ApiProblem 400 for a depth outside 1..{@value #MAX_BOOK_DEPTH}, 404 for an unknown market, 503 when
     *                    the engine does not answer in time
     */
    public OrderBookView book(String symbol, int depth) {
        if (depth < 1 || depth > MAX_BOOK_DEPTH) {
            throw ApiProblem.validation("depth", "must be an integer from 1 to " + MAX_BOOK_DEPTH);
        }
        MarketView market = market(symbol);
        int id = market.id();
        long key = ((long) id << 32) | depth;
        CompletableFuture<Levels> read = bookReads.compute(key, (k, running) ->
                running != null && !running.isDone() ? running : sequencer.read(engine -> levels(engine, id, depth)));
        read.whenComplete((answer, failure) -> bookReads.remove(key, read));
        Levels levels = await(read);
        if (levels == null) {
            throw unknownMarket(symbol);   // delisted since the cache was read
        }
        return new OrderBookView(market, levels.bids, levels.asks);
    }

    private record Levels(List<BookLevel> bids, List<BookLevel> asks) {
    }

    private static Levels levels(MatchingEngine engine, int marketId, int depth) {
        if (engine.market(marketId).isEmpty()) {
            return null;
        }
        return new Levels(engine.depth(marketId, Side.BUY, depth), engine.depth(marketId, Side.SELL, depth));
    }

    /**
     * A market's most recent trades, newest first, with their signatures.
     *
     * @param symbol the market's symbol, e.g. {@code BTC-USDT}
     * @param limit  how many trades, 1 to {@value #MAX_TRADES}
     * @return the trades
     * @throws ApiProblem 400 for a limit outside 1..{@value #MAX_TRADES}, 404 for an unknown market
     */
    public MarketTrades recentTrades(String symbol, int limit) {
        if (limit < 1 || limit > MAX_TRADES) {
            throw ApiProblem.validation("limit", "must be an integer from 1 to " + MAX_TRADES);
        }
        MarketView market = market(symbol);
        return new MarketTrades(market, repository.recentTrades(market.id(), limit));
    }

    // ---- changing markets ----

    /**
     * Lists a new market with a new Ed25519 key pair (the private key sealed under the master key), not halted.
     *
     * @param actor   the caller, who must be an administrator
     * @param request the market's symbol, assets and rules as decimal text
     * @return the listed market
     * @throws ApiProblem 400 listing every invalid field (unknown assets, amounts not exact in the assets' scales,
     *                    a tick and lot whose product is not a whole number of quote minor units), 409 when the
     *                    symbol is listed already, 503 when the change could not be made durable
     */
    public MarketView createMarket(Actor actor, NewMarket request) {
        requireAdmin(actor);
        Objects.requireNonNull(request, "request");
        Violations violations = new Violations();
        boolean symbolValid = request.symbol() != null && CommandContext.MARKET_SYMBOL.matcher(request.symbol()).matches();
        violations.check(symbolValid, "symbol", "must be BASE-QUOTE: 1 to 15 and 1 to 16 capital letters or digits");
        Optional<AssetRow> base = asset(violations, "base", request.base());
        Optional<AssetRow> quote = asset(violations, "quote", request.quote());
        violations.check(request.base() == null || !request.base().equals(request.quote()), "quote",
                "must be another asset than base");
        if (base.isEmpty() || quote.isEmpty()) {
            // Without both scales the amounts cannot be converted; report what can be told about them anyway.
            Rules unscaled = new Rules(violations, MAX_SCALE, MAX_SCALE);
            for (String[] field : new String[][] {{"tickSize", request.tickSize()}, {"lotSize", request.lotSize()},
                    {"minNotional", request.minNotional()}, {"makerFee", request.makerFee()},
                    {"takerFee", request.takerFee()}}) {
                unscaled.amount(field[0], field[1], MAX_SCALE);
            }
            violations.throwIfAny();
        }
        int baseScale = base.orElseThrow().scale();
        int quoteScale = quote.orElseThrow().scale();
        Rules rules = new Rules(violations, baseScale, quoteScale);
        long tick = rules.positive("tickSize", request.tickSize(), quoteScale);
        long lot = rules.positive("lotSize", request.lotSize(), baseScale);
        long minNotional = rules.amount("minNotional", request.minNotional(), quoteScale);
        int makerFee = rules.fee("makerFee", request.makerFee());
        int takerFee = rules.fee("takerFee", request.takerFee());
        rules.checkTickAndLot(tick, lot);
        violations.throwIfAny();
        SelfTradePrevention stp = request.defaultStp() == null ? SelfTradePrevention.NONE : request.defaultStp();

        changes.lock();
        try {
            if (repository.liveMarket(request.symbol()).isPresent()) {
                throw symbolTaken(request.symbol());
            }
            int id = repository.nextMarketId();
            if (id > CommandContext.MAX_MARKET_ID) {
                throw ApiProblem.conflict("No more markets can be listed: every market id is used.");
            }
            Market market = new Market(id, request.symbol(), base.get().id(), quote.get().id(), baseScale, tick, lot,
                    minNotional, makerFee, takerFee, stp);
            CommandResult result = submit(new Command.AddMarket(clock.millis(), market),
                    CommandContext.NONE.withMarketKeys(keyring.generate(id)));
            RejectReason refused = rejection(result);
            if (refused == RejectReason.MARKET_EXISTS) {
                throw symbolTaken(request.symbol());
            }
            requireAccepted(refused);
            return cached(request.symbol());
        } finally {
            changes.unlock();
        }
    }

    /**
     * Changes a market's fees, minimum notional, default self-trade prevention, or (while it has no orders) its
     * tick and lot size.
     *
     * @param actor  the caller, who must be an administrator
     * @param symbol the market's symbol, e.g. {@code BTC-USDT}
     * @param request what to change
     * @return the market after the change
     * @throws ApiProblem 400 for an empty change or invalid fields, 404 for an unknown market, 409 when the change
     *                    would strand or underfund orders, 503 when it could not be made durable
     */
    public MarketView updateMarket(Actor actor, String symbol, MarketChanges request) {
        requireAdmin(actor);
        Objects.requireNonNull(request, "request");
        if (request.isEmpty()) {
            throw ApiProblem.validation("body", "must change at least one of tickSize, lotSize, minNotional, makerFee,"
                    + " takerFee, defaultStp");
        }
        changes.lock();
        try {
            MarketRow row = liveRow(symbol);
            Market current = row.market();
            Violations violations = new Violations();
            Rules rules = new Rules(violations, row.base().scale(), row.quote().scale());
            long tick = request.tickSize() == null ? current.tickSize()
                    : rules.positive("tickSize", request.tickSize(), row.quote().scale());
            long lot = request.lotSize() == null ? current.lotSize()
                    : rules.positive("lotSize", request.lotSize(), row.base().scale());
            long minNotional = request.minNotional() == null ? current.minNotional()
                    : rules.amount("minNotional", request.minNotional(), row.quote().scale());
            int makerFee = request.makerFee() == null ? current.makerFeePpm() : rules.fee("makerFee", request.makerFee());
            int takerFee = request.takerFee() == null ? current.takerFeePpm() : rules.fee("takerFee", request.takerFee());
            rules.checkTickAndLot(tick, lot);
            violations.throwIfAny();
            SelfTradePrevention stp = request.defaultStp() == null ? current.defaultStp() : request.defaultStp();
            Market next = new Market(current.id(), current.symbol(), current.baseAsset(), current.quoteAsset(),
                    current.baseScale(), tick, lot, minNotional, makerFee, takerFee, stp);
            if (next.equals(current)) {
                return cached(row.symbol());
            }
            RejectReason refused = rejection(submit(new Command.UpdateMarket(clock.millis(), next), CommandContext.NONE));
            if (refused == RejectReason.MARKET_HAS_ORDERS) {
                boolean newUnits = tick != current.tickSize() || lot != current.lotSize();
                throw ApiProblem.conflict(newUnits
                        ? "The tick and lot size can only change while the market has no orders, open or filled."
                        : "The higher fee rate cannot apply while buy orders rest: they reserved fees at the current"
                        + " rate. Lower fees apply at once.");
            }
            if (refused == RejectReason.UNKNOWN_MARKET) {
                throw unknownMarket(symbol);
            }
            requireAccepted(refused);
            return cached(row.symbol());
        } finally {
            changes.unlock();
        }
    }

    /**
     * Delists a market without open orders (a soft delete: its orders and trades stay readable).
     *
     * @param actor  the caller, who must be an administrator
     * @param symbol the market's symbol, e.g. {@code BTC-USDT}
     * @throws ApiProblem 404 for an unknown market, 409 while it has open orders, 503 when it could not be made
     *                    durable
     */
    public void deleteMarket(Actor actor, String symbol) {
        requireAdmin(actor);
        changes.lock();
        try {
            MarketRow row = liveRow(symbol);
            RejectReason refused = rejection(submit(new Command.RemoveMarket(clock.millis(), row.id()),
                    CommandContext.NONE));
            if (refused == RejectReason.MARKET_HAS_ORDERS) {
                throw ApiProblem.conflict("The market " + row.symbol() + " has open orders; they must be cancelled"
                        + " first (halt the market to stop new ones).");
            }
            if (refused == RejectReason.UNKNOWN_MARKET) {
                throw unknownMarket(symbol);
            }
            requireAccepted(refused);
            localCopies.remove(row.symbol());
            writeCache(() -> cache.remove(row.symbol()));
        } finally {
            changes.unlock();
        }
    }

    /**
     * Halts a market (no new orders, amends, takes or closes; cancels still work) or resumes it.
     *
     * @param actor  the caller, who must be an administrator
     * @param symbol the market's symbol, e.g. {@code BTC-USDT}
     * @param halted true to halt, false to resume
     * @return the market after the change
     * @throws ApiProblem 404 for an unknown market, 503 when the change could not be made durable
     */
    public MarketView setHalted(Actor actor, String symbol, boolean halted) {
        requireAdmin(actor);
        changes.lock();
        try {
            MarketRow row = liveRow(symbol);
            RejectReason refused = rejection(submit(new Command.SetMarketHalted(clock.millis(), row.id(), halted),
                    CommandContext.NONE));
            if (refused == RejectReason.UNKNOWN_MARKET) {
                throw unknownMarket(symbol);
            }
            requireAccepted(refused);
            return cached(row.symbol());
        } finally {
            changes.unlock();
        }
    }

    /**
     * Unseals every listed market's signing key into the keyring, so the first trades need no decryption and a
     * master key that does not open them stops the server at start rather than failing every trade later.
     *
     * @throws IllegalStateException if a key does not open under the master key
     */
    public void openSigningKeys() {
        repository.sealedKeys().forEach((marketId, sealed) -> {
            try {
                keyring.signingKey(marketId, () -> sealed);
            } catch (SecretBox.UnreadableSecretException e) {
                throw new IllegalStateException("The master key does not open the signing key of market " + marketId
                        + "; configure the master key the markets were created with", e);
            }
        });
    }

    /**
     * Rebuilds the cache from the database: at start, and whenever it may be stale.
     *
     * @return every listed market, as now cached
     */
    public List<MarketView> reload() {
        changes.lock();
        try {
            List<MarketView> markets = liveMarkets();
            localCopies.clear();
            try {
                cache.replaceAll(markets);
                cacheStale = false;
            } catch (RuntimeException e) {
                markStale(e);
            }
            return markets;
        } finally {
            changes.unlock();
        }
    }

    // ---- helpers ----

    /** The market as committed, read back from its row and written to the cache. */
    private MarketView cached(String symbol) {
        MarketView view = repository.liveMarket(symbol).map(MarketService::view)
                .orElseThrow(() -> new IllegalStateException("market " + symbol + " has no live row"));
        localCopies.remove(symbol);
        writeCache(() -> cache.put(view));
        return view;
    }

    private void writeCache(Runnable write) {
        try {
            if (cacheStale) {
                reload();
            } else {
                write.run();
            }
        } catch (RuntimeException e) {
            markStale(e);
        }
    }

    private void markStale(RuntimeException failure) {
        rebuildAfterNanos = System.nanoTime() + REBUILD_BACKOFF_NANOS;
        cacheStale = true;
        LOG.error("Cannot write the market cache; markets are read from the database until it works", failure);
    }

    private List<MarketView> liveMarkets() {
        return repository.liveMarkets().stream().map(MarketService::view).toList();
    }

    private MarketRow liveRow(String symbol) {
        return repository.liveMarket(normalizeSymbol(symbol)).orElseThrow(() -> unknownMarket(symbol));
    }

    private Optional<AssetRow> asset(Violations violations, String field, String code) {
        if (code == null || code.isBlank()) {
            violations.add(field, "is required");
            return Optional.empty();
        }
        Optional<AssetRow> asset = ASSET_CODE.matcher(code).matches() ? repository.asset(code) : Optional.empty();
        if (asset.isEmpty()) {
            violations.add(field, "is not a known asset code");
        }
        return asset;
    }

    private CommandResult submit(Command command, CommandContext context) {
        return await(sequencer.submit(command, context));
    }

    private static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get(COMMAND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SequencerUnavailableException) {
                throw unavailable("The change could not be made durable; try again.");
            }
            throw new IllegalStateException("the engine failed", e.getCause());
        } catch (TimeoutException e) {
            throw unavailable("The engine did not answer in time; read the market before trying again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("Interrupted while waiting for the engine.");
        }
    }

    /** Why the engine refused the command, or null if it applied it. */
    private static RejectReason rejection(CommandResult result) {
        for (EngineEvent event : result.events()) {
            if (event instanceof EngineEvent.CommandRejected rejected) {
                return rejected.reason();
            }
        }
        return null;
    }

    private static void requireAccepted(RejectReason refused) {
        if (refused != null) {
            throw ApiProblem.conflict("The engine refused the change: " + refused + ".");
        }
    }

    private static String normalizeSymbol(String symbol) {
        return symbol == null ? "" : symbol.toUpperCase(Locale.ROOT);
    }

    private static void requireAdmin(Actor actor) {
        if (actor == null || !actor.isAdmin()) {
            throw ApiProblem.forbidden("Assets and markets are administered by administrators.");
        }
    }

    private static ApiProblem unknownMarket(String symbol) {
        return ApiProblem.notFound("No market " + symbol + " is listed.");
    }

    private static ApiProblem symbolTaken(String symbol) {
        return ApiProblem.conflict("A market " + symbol + " is listed already.");
    }

    private static ApiProblem unavailable(String detail) {
        return ApiProblem.of(ErrorCode.SERVICE_UNAVAILABLE, detail);
    }

    static AssetView view(AssetRow row) {
        return new AssetView(row.id(), row.code(), row.scale(), row.createdAt());
    }

    static MarketView view(MarketRow row) {
        return new MarketView(row.id(), row.symbol(), view(row.base()), view(row.quote()), row.tickSize(),
                row.lotSize(), row.minNotional(), row.makerFeePpm(), row.takerFeePpm(), row.defaultStp(), row.halted(),
                row.publicKey(), row.createdAt(), row.updatedAt(), row.version());
    }

    /** Checks and converts a market's rules, collecting every invalid field. */
    private static final class Rules {
        private final Violations violations;
        private final int baseScale;
        private final int quoteScale;

        Rules(Violations violations, int baseScale, int quoteScale) {
            this.violations = violations;
            this.baseScale = baseScale;
            this.quoteScale = quoteScale;
        }

        /** A non-negative amount in minor units, or -1 after recording why it is invalid. */
        long amount(String field, String text, int scale) {
            if (text == null) {
                violations.add(field, "is required");
                return -1;
            }
            try {
                long minor = DecimalUnits.parse(text, scale);
                if (minor > MatchingEngine.MAX_NOTIONAL) {
                    violations.add(field, DecimalUnits.Refusal.TOO_LARGE.message(scale));
                    return -1;
                }
                return minor;
            } catch (DecimalUnits.NotExactException e) {
                violations.add(field, e.refusal().message(scale));
                return -1;
            }
        }

        long positive(String field, String text, int scale) {
            long minor = amount(field, text, scale);
            if (minor == 0) {
                violations.add(field, "must be greater than 0");
                return -1;
            }
            return minor;
        }

        int fee(String field, String text) {
            long ppm = amount(field, text, FEE_SCALE);
            if (ppm > Market.MAX_FEE_PPM) {
                violations.add(field, "must be at most 0.1 (10%)");
                return -1;
            }
            return (int) ppm;
        }

        /** The value of one lot at one tick must be a whole number of quote minor units. */
        void checkTickAndLot(long tick, long lot) {
            if (tick <= 0 || lot <= 0) {
                return;
            }
            long product;
            try {
                product = Math.multiplyExact(tick, lot);
            } catch (ArithmeticException e) {
                violations.add("lotSize", "is too large for this tick size: tickSize x lotSize must fit the engine");
                return;
            }
            if (product % pow10(baseScale) != 0) {
                violations.add("lotSize", "tickSize x lotSize must be a whole multiple of the quote asset's smallest"
                        + " unit (" + DecimalUnits.format(1, quoteScale) + ") so every trade's value is exact");
            }
        }

        private static long pow10(int exponent) {
            long result = 1;
            for (int i = 0; i < exponent; i++) {
                result *= 10;
            }
            return result;
        }
    }
}
