package io.orderbook.loadtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Prepares a fresh server for the trading load through its public API only, as an operator would: the configured
 * administrator logs in, creates one quote asset and a base asset and market per book, then each trader (created
 * by the administrator) logs in and makes a READ_WRITE API key with the highest limit the API allows, and the
 * administrator credits every trader with plenty of every asset.
 */
final class TradingLoadSetup {

    static final String QUOTE = "LTUSD";
    /** Every price in the load is near this, in quote units with 2 decimals. */
    static final long MID_PRICE_CENTS = 1_000_00;
    private static final String PASSWORD = "load test trader password";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    /** A trader's id and API key. */
    record Trader(long userId, String apiKey) {
    }

    /** What the load runs against. */
    record Prepared(List<String> markets, List<Trader> traders) {
    }

    TradingLoadSetup(int port) {
        this.base = "http://127.0.0.1:" + port + "/api/v1";
    }

    Prepared prepare(String adminUser, String adminPassword, int markets, int traders) throws InterruptedException {
        String admin = "Bearer " + login(adminUser, adminPassword);
        call("POST", "/assets", admin, Map.of("code", QUOTE, "scale", 2), 201);
        List<String> symbols = new ArrayList<>();
        List<String> assets = new ArrayList<>(List.of(QUOTE));
        for (int m = 1; m <= markets; m++) {
            String asset = "LTB" + m;
            call("POST", "/assets", admin, Map.of("code", asset, "scale", 2), 201);
            String symbol = asset + "-" + QUOTE;
            Map<String, Object> market = new LinkedHashMap<>();
            market.put("symbol", symbol);
            market.put("base", asset);
            market.put("quote", QUOTE);
            market.put("tickSize", "0.01");
            market.put("lotSize", "1");
            market.put("minNotional", "0");
            market.put("makerFee", "0.001");
            market.put("takerFee", "0.002");
            call("POST", "/markets", admin, market, 201);
            symbols.add(symbol);
            assets.add(asset);
        }
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        // Logins hash a password each: do them side by side.
        List<Future<Trader>> pending = new ArrayList<>();
        try (var executor = Executors.newFixedThreadPool(4)) {
            for (int t = 0; t < traders; t++) {
                String username = "load-" + run + "-" + t;
                pending.add(executor.submit(() -> trader(admin, username, assets)));
            }
            List<Trader> created = new ArrayList<>();
            for (Future<Trader> future : pending) {
                created.add(future.get());
            }
            return new Prepared(symbols, created);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not set up a trader", e.getCause());
        }
    }

    private Trader trader(String admin, String username, List<String> assets) throws InterruptedException {
        long id = call("POST", "/users", admin, Map.of("username", username, "password", PASSWORD, "role", "TRADER"), 201)
                .get("id").asLong();
        String token = "Bearer " + login(username, PASSWORD);
        String key = call("POST", "/api-keys", token, Map.of("name", "load", "scope", "READ_WRITE",
                "requestsPerMinute", 100_000, "expiresAt", Instant.now().plus(Duration.ofDays(1)).toString()), 201)
                .get("key").asText();
        for (String asset : assets) {
            call("POST", "/balances/adjustments", admin, Map.of("userId", id, "asset", asset,
                    "amount", "1000000000", "reason", "load test deposit"), 201);
        }
        return new Trader(id, key);
    }

    private String login(String username, String password) throws InterruptedException {
        return call("POST", "/auth/login", null, Map.of("username", username, "password", password), 200)
                .get("accessToken").asText();
    }

    private JsonNode call(String method, String path, String authorization, Object body, int expected)
            throws InterruptedException {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
            if (authorization != null) request.header("Authorization", authorization);
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": "
                        + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " failed", e);
        }
    }
}
