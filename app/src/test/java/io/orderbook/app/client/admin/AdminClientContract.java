package io.orderbook.app.client.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.orderbook.app.TestServer;
import io.orderbook.app.client.ClientException;
import io.orderbook.app.client.InitialAdminPassword;
import io.orderbook.app.client.JsonHttp;
import io.orderbook.application.users.Actor;
import io.orderbook.adapters.persistence.UserRole;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AdminClient} must do, run against the one real test server (PostgreSQL, Redis) for the
 * in-process and the HTTP implementation alike, so both modes of the workstation behave the same.
 */
abstract class AdminClientContract {

    static final String PASSWORD = "correct horse battery staple";

    /** A client acting as the first administrator. */
    abstract AdminClient asAdmin();

    /** A client acting as the given user. */
    abstract AdminClient as(String username, String password);

    static String unique(String stem) {
        return stem + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }

    static String adminPassword() {
        return TestServer.engine().initialAdminPassword();
    }

    static String adminName() {
        return InitialAdminPassword.USERNAME;
    }

    @Test
    void createsListsChangesTheRoleOfAndDisablesUsers() {
        AdminClient admin = asAdmin();
        String name = unique("trader-");
        AdminUser created = admin.createUser(new NewUser(name, PASSWORD, io.orderbook.app.client.admin.UserRole.TRADER));
        assertThat(created.username()).isEqualTo(name);
        assertThat(created.enabled()).isTrue();
        assertThat(admin.users()).extracting(AdminUser::username).contains(name, adminName());

        AdminUser promoted = admin.changeRole(created.id(), io.orderbook.app.client.admin.UserRole.ADMIN);
        assertThat(promoted.role()).isEqualTo(io.orderbook.app.client.admin.UserRole.ADMIN);
        AdminUser disabled = admin.setEnabled(created.id(), false);
        assertThat(disabled.enabled()).isFalse();
        assertThat(admin.setEnabled(created.id(), true).enabled()).isTrue();
    }

    @Test
    void refusalsCarryTheServersProblemAndFieldErrors() {
        AdminClient admin = asAdmin();
        assertThatThrownBy(() -> admin.createUser(new NewUser(unique("weak-"), "short", io.orderbook.app.client.admin.UserRole.TRADER)))
                .isInstanceOfSatisfying(ClientException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
                    assertThat(e.fieldErrors()).extracting(ClientException.FieldError::field).contains("password");
                });
        assertThatThrownBy(() -> admin.createUser(new NewUser(adminName(), PASSWORD, io.orderbook.app.client.admin.UserRole.TRADER)))
                .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.status()).isEqualTo(409));
    }

    @Test
    void tradersCannotAdministerUsers() {
        AdminClient trader = newTrader();
        assertThatThrownBy(trader::users)
                .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    @Test
    void createsRegeneratesRevokesAndDeletesApiKeys() {
        AdminClient trader = newTrader();
        Instant expiry = Instant.now().plus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        IssuedApiKey issued = trader.createApiKey(new NewApiKey("bot", KeyScope.READ_ONLY, 120, expiry, List.of("203.0.113.0/24")));
        ApiKeyInfo key = issued.key();
        assertThat(issued.secret()).startsWith("obw_" + key.prefix() + "_").hasSize(56);
        assertThat(key.scope()).isEqualTo(KeyScope.READ_ONLY);
        assertThat(key.requestsPerMinute()).isEqualTo(120);
        assertThat(key.expiresAt()).isEqualTo(expiry);
        assertThat(key.ipAllowList()).containsExactly("203.0.113.0/24");
        assertThat(key.status()).isEqualTo("ACTIVE");
        assertThat(trader.apiKeys(null)).extracting(ApiKeyInfo::id).containsExactly(key.id());

        IssuedApiKey regenerated = trader.regenerateApiKey(key.id(), Duration.ofMinutes(10), null);
        assertThat(regenerated.key().prefix()).isEqualTo(key.prefix());
        assertThat(regenerated.secret()).isNotEqualTo(issued.secret()).startsWith("obw_" + key.prefix() + "_");
        assertThat(regenerated.key().previousSecretValidUntil()).isAfter(Instant.now().plus(Duration.ofMinutes(9)));

        assertThat(trader.revokeApiKey(key.id()).status()).isEqualTo("REVOKED");
        trader.deleteApiKey(key.id());
        assertThat(trader.apiKeys(null)).isEmpty();
        assertThatThrownBy(() -> trader.revokeApiKey(key.id()))
                .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void administratorsSeeEveryonesKeysAndTradersOnlyTheirOwn() {
        AdminClient admin = asAdmin();
        AdminClient trader = newTrader();
        Instant expiry = Instant.now().plus(1, ChronoUnit.DAYS);
        ApiKeyInfo tradersKey = trader.createApiKey(new NewApiKey("mine", KeyScope.READ_WRITE, 60, expiry, List.of())).key();
        assertThat(admin.apiKeys(null)).extracting(ApiKeyInfo::id).contains(tradersKey.id());
        assertThat(admin.apiKeys(tradersKey.userId())).extracting(ApiKeyInfo::id).containsExactly(tradersKey.id());
        assertThatThrownBy(() -> newTrader().revokeApiKey(tradersKey.id()))
                .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void createsEditsHaltsAndResumesMarketsWithTheirPublicKey() {
        String base = unique("B").toUpperCase(java.util.Locale.ROOT).substring(0, 6);
        String quote = unique("Q").toUpperCase(java.util.Locale.ROOT).substring(0, 6);
        Actor root = new Actor(1, UserRole.ADMIN);
        var service = TestServer.server().markets().service();
        service.createAsset(root, base, 8);
        service.createAsset(root, quote, 6);
        AdminClient admin = asAdmin();
        String symbol = base + "-" + quote;

        AdminMarket market = admin.createMarket(new NewMarket(symbol, base, quote,
                new MarketRules("0.01", "0.0001", "10", "0.001", "0.002", null)));
        assertThat(market.tickSize()).isEqualByComparingTo("0.01");
        assertThat(market.makerFee()).isEqualByComparingTo("0.001");
        assertThat(market.defaultStp()).isEqualTo("NONE");
        assertThat(java.util.Base64.getDecoder().decode(market.publicKey())).isNotEmpty();
        assertThat(admin.markets()).extracting(AdminMarket::symbol).contains(symbol);

        AdminMarket edited = admin.editMarket(symbol, new MarketRules(null, null, "25", null, "0.0025", "EXPIRE_TAKER"));
        assertThat(edited.minNotional()).isEqualByComparingTo(new BigDecimal("25"));
        assertThat(edited.takerFee()).isEqualByComparingTo("0.0025");
        assertThat(edited.defaultStp()).isEqualTo("EXPIRE_TAKER");
        assertThat(admin.setHalted(symbol, true).halted()).isTrue();
        assertThat(admin.setHalted(symbol, false).halted()).isFalse();

        assertThatThrownBy(() -> admin.createMarket(new NewMarket(symbol + "X", base, quote,
                new MarketRules("abc", "0.0001", "10", "0.001", "0.002", null))))
                .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.status()).isEqualTo(400));
    }

    @Test
    void filtersTheRequestLogAndCountsRequestsPerMinute() throws InterruptedException {
        // Requests over HTTP are what the log records: make some, one of them refused.
        JsonHttp http = new JsonHttp(TestServer.server().baseUri(), Clock.systemUTC());
        http.login(adminName(), adminPassword());
        Instant start = Instant.now().minusSeconds(1);
        String missing = "/api/v1/users/" + (Long.MAX_VALUE - ThreadLocalRandom.current().nextInt(1000));
        http.get("users", Map.of());
        assertThatThrownBy(() -> http.get(missing.substring("/api/v1/".length()), Map.of())).isInstanceOf(ClientException.class);

        AdminClient admin = asAdmin();
        RequestLogFilter notFound = new RequestLogFilter(null, null, 404, null, missing, start, null, 50, null);
        RequestLogPage page = eventually(() -> admin.requestLog(notFound), found -> !found.items().isEmpty());
        assertThat(page.items()).singleElement().satisfies(entry -> {
            assertThat(entry.path()).isEqualTo(missing);
            assertThat(entry.status()).isEqualTo(404);
            assertThat(entry.method()).isEqualTo("GET");
            assertThat(entry.errorCode()).isEqualTo("NOT_FOUND");
            assertThat(entry.userId()).isNotNull();
        });
        RequestLogFilter clientErrors = new RequestLogFilter(null, page.items().getFirst().userId(), null, "4xx", "/api/v1/users",
                start, null, 1, null);
        RequestLogPage first = admin.requestLog(clientErrors);
        assertThat(first.items()).allSatisfy(entry -> assertThat(entry.status()).isBetween(400, 499));

        List<RequestMinute> minutes = admin.requestsPerMinute(null, null, start.minus(Duration.ofMinutes(5)), Instant.now().plusSeconds(1));
        assertThat(minutes).isNotEmpty();
        assertThat(minutes.stream().mapToLong(RequestMinute::requests).sum()).isGreaterThanOrEqualTo(2);
        assertThat(minutes.stream().mapToLong(RequestMinute::errors).sum()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void listsTheScheduledJobsAndRunsOneNow() {
        AdminClient admin = asAdmin();
        assertThat(admin.jobs()).extracting(ScheduledJob::name)
                .contains("request-log-retention", "market-stats", "idempotency-key-purge");
        assertThat(admin.jobs()).filteredOn(job -> job.name().equals("idempotency-key-purge")).singleElement()
                .satisfies(job -> {
                    assertThat(job.schedule()).isNotBlank();
                    assertThat(job.nextRunAt()).isAfter(Instant.now().minusSeconds(1));
                });

        Instant before = Instant.now().minusSeconds(1);
        ScheduledJob ran = admin.runJob("idempotency-key-purge");
        assertThat(ran.name()).isEqualTo("idempotency-key-purge");
        assertThat(ran.lastRunAt()).isAfter(before);
        assertThat(ran.lastResult()).startsWith("OK");
        assertThat(admin.jobs()).filteredOn(job -> job.name().equals("idempotency-key-purge")).singleElement()
                .satisfies(job -> assertThat(job.lastRunAt()).isEqualTo(ran.lastRunAt()));

        assertThatThrownBy(() -> admin.runJob("no-such-job"))
                .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.status()).isEqualTo(404));
    }

    @Test
    void onlyAdministratorsSeeOrRunJobs() {
        AdminClient trader = newTrader();
        assertThatThrownBy(trader::jobs)
                .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.status()).isEqualTo(403));
        assertThatThrownBy(() -> trader.runJob("idempotency-key-purge"))
                .isInstanceOfSatisfying(ClientException.class, e -> assertThat(e.status()).isEqualTo(403));
    }

    AdminClient newTrader() {
        String name = unique("t-");
        asAdmin().createUser(new NewUser(name, PASSWORD, io.orderbook.app.client.admin.UserRole.TRADER));
        return as(name, PASSWORD);
    }

    /** The request log is written in batches, a moment after the response. */
    static <T> T eventually(java.util.function.Supplier<T> read, java.util.function.Predicate<T> done) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        T value = read.get();
        while (!done.test(value) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            value = read.get();
        }
        return value;
    }
}
