package io.orderbook.loadtest;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * One trader's stream of order requests over one connection: a mix of resting limit orders (GTC, away from the
 * middle price), crossing orders (IOC limits through the middle, which trade against other traders' resting
 * orders) and cancels of the trader's own oldest resting order. A trader keeps at most {@value #MAX_OPEN} orders
 * resting per market, so the books and the reserved funds stay bounded however long the load runs.
 *
 * <p>Not thread-safe: one virtual thread drives one flow.
 */
final class OrderFlow implements AutoCloseable {

    static final int MAX_OPEN = 8;
    private static final String ORDERS = "/api/v1/orders";

    /** What one request was, for the counters. */
    enum Kind { RESTING, CROSSING, CANCEL }

    private final int port;
    private final String keyHeader;
    private final List<String> markets;
    private final ArrayDeque<Long>[] open;
    private final SplittableRandom random;
    private final LongAdder acknowledgedPlaces;
    private HttpConnection connection;

    /** @param acknowledgedPlaces counts every order the server acknowledged, whichever phase recorded it */
    @SuppressWarnings("unchecked")
    OrderFlow(int port, TradingLoadSetup.Trader trader, List<String> markets, long seed, LongAdder acknowledgedPlaces) {
        this.port = port;
        this.keyHeader = "X-API-Key: " + trader.apiKey() + "\r\n";
        this.markets = markets;
        this.open = new ArrayDeque[markets.size()];
        for (int i = 0; i < open.length; i++) open[i] = new ArrayDeque<>();
        this.random = new SplittableRandom(seed);
        this.acknowledgedPlaces = acknowledgedPlaces;
    }

    /** Sends the next request and records its outcome and latency, measured from {@code intendedStartNanos}. */
    void step(PhaseStats stats, long intendedStartNanos) {
        int market = random.nextInt(markets.size());
        ArrayDeque<Long> resting = open[market];
        int dice = random.nextInt(100);
        Kind kind = resting.size() >= MAX_OPEN || (dice < 30 && !resting.isEmpty()) ? Kind.CANCEL
                : dice < 80 ? Kind.RESTING : Kind.CROSSING;
        try {
            if (connection == null) connection = new HttpConnection(port);
            int status;
            boolean expected;
            if (kind == Kind.CANCEL) {
                long id = resting.pollFirst();
                status = connection.send("DELETE", ORDERS + "/" + id, keyHeader, null);
                // 409: a crossing order filled it first, which the mix makes happen now and then.
                expected = status == 200 || status == 409;
            } else {
                status = connection.send("POST", ORDERS, keyHeader, order(kind, markets.get(market)));
                expected = status == 201;
                if (expected) acknowledgedPlaces.increment();
                if (expected && kind == Kind.RESTING && connection.body().contains("\"status\":\"OPEN\"")) {
                    resting.addLast(orderId(connection.body()));
                }
            }
            long latency = System.nanoTime() - intendedStartNanos;
            if (expected) {
                stats.ok(kind, status, latency);
            } else {
                stats.error(kind, status, connection.body(), latency);
            }
        } catch (IOException | RuntimeException e) {
            stats.error(kind, -1, e.toString(), System.nanoTime() - intendedStartNanos);
            close();
        }
    }

    private String order(Kind kind, String market) {
        boolean buy = random.nextBoolean();
        long price;
        long lots;
        String timeInForce;
        if (kind == Kind.RESTING) {
            long ticks = 1 + random.nextInt(1_000);
            price = buy ? TradingLoadSetup.MID_PRICE_CENTS - ticks : TradingLoadSetup.MID_PRICE_CENTS + ticks;
            lots = 1 + random.nextInt(10);
            timeInForce = "GTC";
        } else {
            price = buy ? TradingLoadSetup.MID_PRICE_CENTS + 1_000 : TradingLoadSetup.MID_PRICE_CENTS - 1_000;
            lots = 1 + random.nextInt(5);
            timeInForce = "IOC";
        }
        return "{\"market\":\"" + market + "\",\"side\":\"" + (buy ? "BUY" : "SELL")
                + "\",\"type\":\"LIMIT\",\"timeInForce\":\"" + timeInForce + "\",\"price\":\"" + cents(price)
                + "\",\"quantity\":\"" + lots + "\"}";
    }

    private static String cents(long value) {
        long fraction = value % 100;
        return (value / 100) + (fraction < 10 ? ".0" : ".") + fraction;
    }

    /** The order's id: the first {@code "id"} of an order result is the order's own. */
    static long orderId(String body) {
        int at = body.indexOf("\"id\":");
        if (at < 0) throw new IllegalStateException("no order id in " + body);
        int i = at + 5;
        long id = 0;
        while (i < body.length() && Character.isDigit(body.charAt(i))) {
            id = id * 10 + (body.charAt(i++) - '0');
        }
        return id;
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.close();
            connection = null;
        }
    }
}
