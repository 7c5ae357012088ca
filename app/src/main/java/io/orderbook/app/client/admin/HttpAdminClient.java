package io.orderbook.app.client.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.orderbook.app.client.ClientException;
import io.orderbook.app.client.JsonHttp;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The admin operations over the server's HTTP API ({@code /api/v1}), as the user logged in on {@code http}.
 * Answers are read field by field, so a newer server that adds fields does not break the workstation.
 */
final class HttpAdminClient implements AdminClient {

    private static final int PAGE_SIZE = 500;
    /** A bound on pages read for one list, against a server that keeps returning a cursor. */
    private static final int MAX_PAGES = 1000;

    private final JsonHttp http;

    HttpAdminClient(JsonHttp http) {
        this.http = Objects.requireNonNull(http, "http");
    }

    @Override
    public List<AdminUser> users() {
        return allPages("users", Map.of(), HttpAdminClient::user);
    }

    @Override
    public AdminUser createUser(NewUser user) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", user.username());
        body.put("password", user.password());
        body.put("role", user.role() == null ? null : user.role().name());
        return user(http.post("users", body));
    }

    @Override
    public AdminUser changeRole(long userId, UserRole role) {
        return user(http.patch("users/" + userId, Map.of("role", role.name())));
    }

    @Override
    public AdminUser setEnabled(long userId, boolean enabled) {
        return user(http.patch("users/" + userId, Map.of("enabled", enabled)));
    }

    @Override
    public List<AdminMarket> markets() {
        return http.convertList(http.get("markets", Map.of()).path("items"), HttpAdminClient::market);
    }

    @Override
    public AdminMarket createMarket(NewMarket market) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("symbol", market.symbol());
        body.put("base", market.base());
        body.put("quote", market.quote());
        body.putAll(rules(market.rules()));
        return market(http.post("markets", body));
    }

    @Override
    public AdminMarket editMarket(String symbol, MarketRules changes) {
        return market(http.patch("markets/" + JsonHttp.segment(symbol), rules(changes)));
    }

    @Override
    public AdminMarket setHalted(String symbol, boolean halted) {
        return market(http.post("markets/" + JsonHttp.segment(symbol) + (halted ? "/halt" : "/resume"), null));
    }

    @Override
    public List<ApiKeyInfo> apiKeys(Long ownerId) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("userId", ownerId);
        return allPages("api-keys", query, HttpAdminClient::apiKey);
    }

    @Override
    public IssuedApiKey createApiKey(NewApiKey key) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", key.name());
        body.put("scope", key.scope() == null ? null : key.scope().name());
        body.put("requestsPerMinute", key.requestsPerMinute());
        body.put("expiresAt", key.expiresAt() == null ? null : key.expiresAt().toString());
        if (!key.ipAllowList().isEmpty()) body.put("ipAllowList", key.ipAllowList());
        return issued(http.post("api-keys", body));
    }

    @Override
    public IssuedApiKey regenerateApiKey(long keyId, Duration gracePeriod, Instant expiresAt) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (gracePeriod != null) body.put("graceSeconds", gracePeriod.toSeconds());
        if (expiresAt != null) body.put("expiresAt", expiresAt.toString());
        return issued(http.post("api-keys/" + keyId + "/regenerate", body));
    }

    @Override
    public ApiKeyInfo revokeApiKey(long keyId) {
        return apiKey(http.post("api-keys/" + keyId + "/revoke", null));
    }

    @Override
    public void deleteApiKey(long keyId) {
        http.delete("api-keys/" + keyId, Map.of());
    }

    @Override
    public RequestLogPage requestLog(RequestLogFilter filter) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("apiKeyId", filter.apiKeyId());
        query.put("userId", filter.userId());
        query.put("status", filter.status());
        query.put("statusClass", filter.statusClass());
        query.put("path", filter.pathPrefix());
        query.put("from", filter.from() == null ? null : filter.from().toString());
        query.put("to", filter.to() == null ? null : filter.to().toString());
        query.put("limit", filter.limit());
        query.put("cursor", filter.cursor());
        JsonNode page = http.get("request-logs", query);
        return new RequestLogPage(http.convertList(page.path("items"), HttpAdminClient::entry), text(page, "nextCursor"));
    }

    @Override
    public List<RequestMinute> requestsPerMinute(Long apiKeyId, Long userId, Instant from, Instant to) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("apiKeyId", apiKeyId);
        query.put("userId", userId);
        query.put("from", from == null ? null : from.toString());
        query.put("to", to == null ? null : to.toString());
        return http.convertList(http.get("request-logs/stats", query).path("minutes"), node -> new RequestMinute(
                instant(node, "minute"), node.path("requests").asLong(), node.path("errors").asLong(),
                node.path("serverErrors").asLong(), node.path("errorRate").asDouble(),
                node.path("averageLatencyMs").asDouble()));
    }

    /** {@code GET /jobs}: {@code {"items": [Job]}}. */
    @Override
    public List<ScheduledJob> jobs() {
        return http.convertList(http.get("jobs", Map.of()).path("items"), HttpAdminClient::job);
    }

    /** {@code POST /jobs/{name}/run} answers with the run ({@code JobRun}); the job is read again to show it. */
    @Override
    public ScheduledJob runJob(String name) {
        http.post("jobs/" + JsonHttp.segment(name) + "/run", null);
        return jobs().stream().filter(job -> job.name().equals(name)).findFirst()
                .orElseThrow(() -> new ClientException(0, ClientException.BAD_RESPONSE, "Unexpected answer",
                        "The server ran job " + name + " but does not list it.", List.of()));
    }

    private <T> List<T> allPages(String path, Map<String, Object> filters, Function<JsonNode, T> read) {
        List<T> items = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < MAX_PAGES; pages++) {
            Map<String, Object> query = new LinkedHashMap<>(filters);
            query.put("limit", PAGE_SIZE);
            query.put("cursor", cursor);
            JsonNode page = http.get(path, query);
            items.addAll(http.convertList(page.path("items"), read));
            cursor = text(page, "nextCursor");
            if (cursor == null) return items;
        }
        throw new ClientException(0, ClientException.BAD_RESPONSE, "Unexpected answer",
                "The server kept returning pages of " + path, List.of());
    }

    private static Map<String, Object> rules(MarketRules rules) {
        Map<String, Object> body = new LinkedHashMap<>();
        putIfSet(body, "tickSize", rules.tickSize());
        putIfSet(body, "lotSize", rules.lotSize());
        putIfSet(body, "minNotional", rules.minNotional());
        putIfSet(body, "makerFee", rules.makerFee());
        putIfSet(body, "takerFee", rules.takerFee());
        putIfSet(body, "defaultStp", rules.defaultStp());
        return body;
    }

    private static void putIfSet(Map<String, Object> body, String name, String value) {
        if (value != null) body.put(name, value);
    }

    private static AdminUser user(JsonNode node) {
        return new AdminUser(node.path("id").asLong(), node.path("username").asText(),
                UserRole.valueOf(node.path("role").asText()), node.path("enabled").asBoolean(),
                instant(node, "createdAt"), instant(node, "updatedAt"));
    }

    private static AdminMarket market(JsonNode node) {
        return new AdminMarket(node.path("symbol").asText(), node.path("base").asText(), node.path("quote").asText(),
                decimal(node, "tickSize"), decimal(node, "lotSize"), decimal(node, "minNotional"),
                decimal(node, "makerFee"), decimal(node, "takerFee"), node.path("defaultStp").asText("NONE"),
                node.path("halted").asBoolean(), node.path("publicKey").asText(""), instant(node, "updatedAt"));
    }

    private static ApiKeyInfo apiKey(JsonNode node) {
        List<String> allowList = new ArrayList<>();
        node.path("ipAllowList").forEach(entry -> allowList.add(entry.asText()));
        return new ApiKeyInfo(node.path("id").asLong(), node.path("userId").asLong(), node.path("name").asText(),
                node.path("prefix").asText(), KeyScope.valueOf(node.path("scope").asText()),
                node.path("requestsPerMinute").asInt(), instant(node, "expiresAt"), allowList, node.path("status").asText(),
                instant(node, "createdAt"), instant(node, "lastUsedAt"), instant(node, "previousSecretValidUntil"));
    }

    private static IssuedApiKey issued(JsonNode node) {
        return new IssuedApiKey(apiKey(node), node.path("key").asText());
    }

    private static RequestLogEntry entry(JsonNode node) {
        return new RequestLogEntry(node.path("id").asLong(), instant(node, "time"), node.path("method").asText(),
                node.path("path").asText(), node.path("status").asInt(), node.path("latencyMs").asDouble(),
                longOrNull(node, "userId"), longOrNull(node, "apiKeyId"), text(node, "clientIp"), text(node, "requestId"),
                text(node, "errorCode"));
    }

    /** A job as the jobs API describes it; alternative field names are read too while that API settles. */
    /** A {@code Job}: name, enabled, cron and nextRunAt (null when disabled), lastRun ({@code JobRun} or null). */
    private static ScheduledJob job(JsonNode node) {
        JsonNode lastRun = node.path("lastRun");
        boolean ran = lastRun.isObject();
        return new ScheduledJob(node.path("name").asText(), text(node, "cron"),
                ran ? instant(lastRun, "startedAt") : null,
                ran ? ScheduledJob.result(text(lastRun, "result"), text(lastRun, "message")) : null,
                instant(node, "nextRunAt"));
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.path(name);
        return value.isMissingNode() || value.isNull() ? null : value.asText();
    }

    private static Long longOrNull(JsonNode node, String name) {
        JsonNode value = node.path(name);
        return value.isMissingNode() || value.isNull() ? null : value.asLong();
    }

    private static Instant instant(JsonNode node, String name) {
        String text = text(node, name);
        return text == null ? null : Instant.parse(text);
    }

    private static BigDecimal decimal(JsonNode node, String name) {
        String text = text(node, name);
        return text == null ? null : new BigDecimal(text);
    }
}
