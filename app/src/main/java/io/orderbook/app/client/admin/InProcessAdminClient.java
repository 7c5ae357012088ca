package io.orderbook.app.client.admin;

import io.orderbook.adapters.http.problem.ApiProblem;
import io.orderbook.adapters.persistence.ApiKeyScope;
import io.orderbook.adapters.persistence.Page;
import io.orderbook.adapters.persistence.PageRequest;
import io.orderbook.adapters.persistence.RequestLogRepository;
import io.orderbook.app.client.ClientException;
import io.orderbook.app.client.inprocess.InProcessWorkstationClient;
import io.orderbook.application.apikeys.ApiKeyService;
import io.orderbook.application.apikeys.ApiKeyView;
import io.orderbook.application.jobs.CronSchedule;
import io.orderbook.application.jobs.JobRun;
import io.orderbook.application.jobs.JobScheduler;
import io.orderbook.application.jobs.JobStatus;
import io.orderbook.application.markets.DecimalUnits;
import io.orderbook.application.markets.MarketChanges;
import io.orderbook.application.markets.MarketService;
import io.orderbook.application.markets.MarketView;
import io.orderbook.application.requestlog.InvalidStatsRange;
import io.orderbook.application.requestlog.RequestLogAccessDenied;
import io.orderbook.application.requestlog.RequestLogCursor;
import io.orderbook.application.requestlog.RequestLogSearch;
import io.orderbook.application.requestlog.RequestLogService;
import io.orderbook.application.requestlog.RequestLogStatsQuery;
import io.orderbook.application.requestlog.RequestLogViewer;
import io.orderbook.application.users.Actor;
import io.orderbook.application.users.UserAccount;
import io.orderbook.application.users.UserChanges;
import io.orderbook.application.users.UserService;
import io.orderbook.bootstrap.EmbeddedServer;
import io.orderbook.domain.model.SelfTradePrevention;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The admin operations in embedded mode: server-core's application services called directly, as the
 * logged-in user. Refusals come back as the same {@link ClientException}s the HTTP client gives.
 *
 * <p>Calls made this way do not pass the HTTP pipeline, so they are not in the request log (which records
 * HTTP requests only) and are not rate limited; the services still check every right.
 */
public final class InProcessAdminClient implements AdminClient {

    /** Decimal places of fee rates: the server keeps them in parts per million. */
    private static final int FEE_SCALE = 6;
    private static final int PAGE_SIZE = 500;

    private final Actor actor;
    private final UserService users;
    private final ApiKeyService apiKeys;
    private final MarketService markets;
    private final RequestLogService requestLog;
    private final JobScheduler scheduler;

    /**
     * Creates a client that calls the embedded server's services directly.
     *
     * @param server the running embedded server
     * @param actor  the logged-in user, on whose behalf every call is made
     */
    public InProcessAdminClient(EmbeddedServer server, Actor actor) {
        Objects.requireNonNull(server, "server");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.users = server.identity().users();
        this.apiKeys = server.identity().apiKeys();
        this.markets = server.markets().service();
        this.scheduler = server.jobs().scheduler();
        // The service is stateless over the repository; the core builds its own for the HTTP routes.
        var infrastructure = server.core().infrastructure();
        this.requestLog = new RequestLogService(new RequestLogRepository(infrastructure.database()), infrastructure.clock());
    }

    @Override
    public List<AdminUser> users() {
        return call(() -> all(page -> users.list(actor, page))).stream().map(InProcessAdminClient::user).toList();
    }

    @Override
    public AdminUser createUser(NewUser user) {
        return call(() -> user(users.create(actor, user.username(), user.password(), role(user.role()))));
    }

    @Override
    public AdminUser changeRole(long userId, UserRole role) {
        return call(() -> user(users.patch(actor, userId, new UserChanges(role(role), null, null))));
    }

    @Override
    public AdminUser setEnabled(long userId, boolean enabled) {
        return call(() -> user(users.patch(actor, userId, new UserChanges(null, enabled, null))));
    }

    @Override
    public List<AdminMarket> markets() {
        return call(() -> markets.markets().stream().map(InProcessAdminClient::market)
                .sorted(Comparator.comparing(AdminMarket::symbol)).toList());
    }

    @Override
    public AdminMarket createMarket(NewMarket market) {
        MarketRules rules = market.rules();
        return call(() -> market(markets.createMarket(actor, new io.orderbook.application.markets.NewMarket(
                market.symbol(), market.base(), market.quote(), rules.tickSize(), rules.lotSize(), rules.minNotional(),
                rules.makerFee(), rules.takerFee(), stp(rules.defaultStp())))));
    }

    @Override
    public AdminMarket editMarket(String symbol, MarketRules changes) {
        return call(() -> market(markets.updateMarket(actor, symbol, new MarketChanges(changes.tickSize(),
                changes.lotSize(), changes.minNotional(), changes.makerFee(), changes.takerFee(), stp(changes.defaultStp())))));
    }

    @Override
    public AdminMarket setHalted(String symbol, boolean halted) {
        return call(() -> market(markets.setHalted(actor, symbol, halted)));
    }

    @Override
    public List<ApiKeyInfo> apiKeys(Long ownerId) {
        return call(() -> all(page -> apiKeys.list(actor, Optional.ofNullable(ownerId), page))).stream()
                .map(InProcessAdminClient::apiKey).toList();
    }

    @Override
    public IssuedApiKey createApiKey(NewApiKey key) {
        return call(() -> issued(apiKeys.create(actor, new io.orderbook.application.apikeys.NewApiKey(key.name(),
                ApiKeyScope.valueOf(key.scope().name()), key.requestsPerMinute(), key.expiresAt(), key.ipAllowList()))));
    }

    @Override
    public IssuedApiKey regenerateApiKey(long keyId, Duration gracePeriod, Instant expiresAt) {
        return call(() -> issued(apiKeys.regenerate(actor, keyId, gracePeriod, expiresAt)));
    }

    @Override
    public ApiKeyInfo revokeApiKey(long keyId) {
        return call(() -> apiKey(apiKeys.revoke(actor, keyId)));
    }

    @Override
    public void deleteApiKey(long keyId) {
        call(() -> {
            apiKeys.delete(actor, keyId);
            return null;
        });
    }

    @Override
    public RequestLogPage requestLog(RequestLogFilter filter) {
        return call(() -> {
            Optional<Integer> statusFrom = Optional.ofNullable(filter.status());
            Optional<Integer> statusTo = Optional.ofNullable(filter.status());
            if (filter.statusClass() != null) {
                if (filter.status() != null) throw ApiProblem.validation("statusClass", "give either status or statusClass, not both");
                int first = statusClassStart(filter.statusClass());
                statusFrom = Optional.of(first);
                statusTo = Optional.of(first + 99);
            }
            Optional<RequestLogCursor> cursor = Optional.empty();
            if (filter.cursor() != null) cursor = Optional.of(decodeCursor(filter.cursor()));
            RequestLogSearch search;
            try {
                search = new RequestLogSearch(Optional.ofNullable(filter.apiKeyId()), Optional.ofNullable(filter.userId()),
                        statusFrom, statusTo, Optional.ofNullable(filter.pathPrefix()), Optional.ofNullable(filter.from()),
                        Optional.ofNullable(filter.to()), filter.limit(), cursor);
            } catch (IllegalArgumentException e) {
                throw ApiProblem.validation("filter", e.getMessage());
            }
            var page = requestLog.search(viewer(), search);
            return new RequestLogPage(page.items().stream().map(InProcessAdminClient::entry).toList(),
                    page.next().map(RequestLogCursor::encode).orElse(null));
        });
    }

    @Override
    public List<RequestMinute> requestsPerMinute(Long apiKeyId, Long userId, Instant from, Instant to) {
        return call(() -> requestLog.stats(viewer(), new RequestLogStatsQuery(Optional.ofNullable(apiKeyId),
                        Optional.ofNullable(userId), Optional.ofNullable(from), Optional.ofNullable(to)))
                .minutes().stream()
                .map(m -> new RequestMinute(m.minute(), m.requests(), m.clientErrors() + m.serverErrors(), m.serverErrors(),
                        m.errorRate(), m.averageLatencyMicros() / 1000.0))
                .toList());
    }

    /** The job scheduler's jobs, as {@code GET /jobs} lists them; administrators only. */
    @Override
    public List<ScheduledJob> jobs() {
        return call(() -> {
            requireAdmin();
            return scheduler.statuses().stream().map(InProcessAdminClient::job).toList();
        });
    }

    /** Runs the job on this thread (once in the cluster), as {@code POST /jobs/{name}/run}, then reads it again. */
    @Override
    public ScheduledJob runJob(String name) {
        return call(() -> {
            requireAdmin();
            if (scheduler.job(name).isEmpty()) throw ApiProblem.notFound("There is no job " + name + ".");
            JobRun run = scheduler.runNow(name);
            if (run.result() == JobRun.Result.SKIPPED) {
                throw ApiProblem.conflict("Job " + name + " is running elsewhere in the cluster; try again later.");
            }
            return scheduler.statuses().stream().filter(s -> s.name().equals(name)).findFirst()
                    .map(InProcessAdminClient::job).orElseThrow();
        });
    }

    private void requireAdmin() {
        if (!actor.isAdmin()) throw ApiProblem.forbidden("Only administrators may see and run scheduled jobs.");
    }

    private RequestLogViewer viewer() {
        return new RequestLogViewer(actor.userId(), actor.isAdmin());
    }

    /** Every page of a listing; admin lists are small (users, keys), so this stays a few queries. */
    private static <T> List<T> all(Function<PageRequest, Page<T>> read) {
        List<T> items = new ArrayList<>();
        PageRequest request = PageRequest.first(PAGE_SIZE);
        while (true) {
            Page<T> page = read.apply(request);
            items.addAll(page.items());
            if (!page.hasNext()) return items;
            request = request.next();
        }
    }

    /** Runs a service call; the server's refusals become the client's exception, as over HTTP. */
    private static <T> T call(Supplier<T> serviceCall) {
        try {
            return InProcessWorkstationClient.call(serviceCall);
        } catch (RequestLogAccessDenied e) {
            throw new ClientException(403, "FORBIDDEN", "Forbidden", e.getMessage(), List.of());
        } catch (InvalidStatsRange e) {
            throw new ClientException(400, "VALIDATION_FAILED", "Validation failed", "1 field is invalid",
                    List.of(new ClientException.FieldError("from", e.getMessage())));
        }
    }

    private static int statusClassStart(String statusClass) {
        if (statusClass.length() == 3 && statusClass.endsWith("xx") && statusClass.charAt(0) >= '1' && statusClass.charAt(0) <= '5') {
            return (statusClass.charAt(0) - '0') * 100;
        }
        throw ApiProblem.validation("statusClass", "must be one of 1xx, 2xx, 3xx, 4xx, 5xx");
    }

    private static RequestLogCursor decodeCursor(String text) {
        try {
            return RequestLogCursor.decode(text);
        } catch (IllegalArgumentException e) {
            throw ApiProblem.validation("cursor", "is not a cursor this server gave");
        }
    }

    private static SelfTradePrevention stp(String name) {
        if (name == null || name.isBlank()) return null;
        try {
            return SelfTradePrevention.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.validation("defaultStp", "must be one of NONE, EXPIRE_TAKER, EXPIRE_MAKER, EXPIRE_BOTH");
        }
    }

    private static io.orderbook.adapters.persistence.UserRole role(UserRole role) {
        return role == null ? null : io.orderbook.adapters.persistence.UserRole.valueOf(role.name());
    }

    private static AdminUser user(UserAccount account) {
        return new AdminUser(account.id(), account.username(), UserRole.valueOf(account.role().name()), account.enabled(),
                account.createdAt(), account.updatedAt());
    }

    private static AdminMarket market(MarketView market) {
        int baseScale = market.base().scale();
        int quoteScale = market.quote().scale();
        return new AdminMarket(market.symbol(), market.base().code(), market.quote().code(),
                decimal(market.tickSize(), quoteScale), decimal(market.lotSize(), baseScale),
                decimal(market.minNotional(), quoteScale), decimal(market.makerFeePpm(), FEE_SCALE),
                decimal(market.takerFeePpm(), FEE_SCALE), market.defaultStp().name(), market.halted(),
                Base64.getEncoder().encodeToString(market.publicKey()), market.updatedAt());
    }

    /** Minor units to an exact decimal, as the HTTP API writes them. */
    private static BigDecimal decimal(long minor, int scale) {
        return new BigDecimal(DecimalUnits.format(minor, scale));
    }

    private static ApiKeyInfo apiKey(ApiKeyView key) {
        return new ApiKeyInfo(key.id(), key.userId(), key.name(), key.prefix(), KeyScope.valueOf(key.scope().name()),
                key.requestsPerMinute(), key.expiresAt(), key.ipAllowList(), key.status().name(), key.createdAt(),
                key.lastUsedAt(), key.previousSecretValidUntil());
    }

    private static IssuedApiKey issued(io.orderbook.application.apikeys.IssuedApiKey issued) {
        return new IssuedApiKey(apiKey(issued.key()), issued.plaintext());
    }

    private static ScheduledJob job(JobStatus status) {
        JobRun last = status.lastRun().orElse(null);
        return new ScheduledJob(status.name(), status.schedule().map(CronSchedule::expression).orElse(null),
                last == null ? null : last.startedAt(),
                last == null ? null : ScheduledJob.result(last.result().name(), last.message().orElse(null)),
                status.nextRun().orElse(null));
    }

    private static RequestLogEntry entry(io.orderbook.adapters.persistence.RequestLogEntry entry) {
        return new RequestLogEntry(entry.id(), entry.occurredAt(), entry.method(), entry.path(), entry.status(),
                entry.latencyMicros() / 1000.0, entry.userId().orElse(null), entry.apiKeyId().orElse(null),
                entry.clientIp().orElse(null), entry.requestId().orElse(null), entry.errorCode().orElse(null));
    }
}
