package io.orderbook.loadtest;

import java.nio.charset.StandardCharsets;
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
 * <p>The flow only makes requests and reads answers; {@link LoadLoop} sends and receives them. Not thread-safe.
 */
final class OrderFlow implements LoadLoop.Client<PhaseStats> {

    static final int MAX_OPEN = 8;
    private static final String ORDERS = "/api/v1/orders";

    /** What one request was, for the counters. */
    enum Kind { RESTING, CROSSING, CANCEL }

    private final String fixedHeaders;
    private final List<String> markets;
    private final ArrayDeque<Long>[] open;
    private final SplittableRandom random;
    private final LongAdder acknowledgedPlaces;
    private Kind pending;
    private int pendingMarket;

    /** @param acknowledgedPlaces counts every order the server acknowledged, whichever phase recorded it */
    @SuppressWarnings("unchecked")
    OrderFlow(int port, TradingLoadSetup.Trader trader, List<String> markets, long seed, LongAdder acknowledgedPlaces) {
        this.fixedHeaders = "Host: 127.0.0.1:" + port + "\r\nAccept: application/json\r\nX-API-Key: " + trader.apiKey()
                + "\r\n";
        this.markets = markets;
        this.open = new ArrayDeque[markets.size()];
        for (int i = 0; i < open.length; i++) open[i] = new ArrayDeque<>();
        this.random = new SplittableRandom(seed);
        this.acknowledgedPlaces = acknowledgedPlaces;
    }

    @Override
    public byte[] nextRequest() {
        int market = random.nextInt(markets.size());
        ArrayDeque<Long> resting = open[market];
        int dice = random.nextInt(100);
        pending = resting.size() >= MAX_OPEN || (dice < 30 && !resting.isEmpty()) ? Kind.CANCEL
                : dice < 80 ? Kind.RESTING : Kind.CROSSING;
        pendingMarket = market;
        if (pending == Kind.CANCEL) {
            return http("DELETE " + ORDERS + "/" + resting.pollFirst(), null);
        }
        return http("POST " + ORDERS, order(pending, markets.get(market)));
    }

    @Override
    public void answered(int status, String body, PhaseStats stats, long latencyNanos) {
        boolean expected;
        if (pending == Kind.CANCEL) {
            // 409: a crossing order filled it first, which the mix makes happen now and then.
            expected = status == 200 || status == 409;
        } else {
            expected = status == 201;
            if (expected) acknowledgedPlaces.increment();
            if (expected && pending == Kind.RESTING && body.contains("\"status\":\"OPEN\"")) {
                open[pendingMarket].addLast(orderId(body));
            }
        }
        if (expected) {
            stats.ok(pending, status, latencyNanos);
        } else {
            stats.error(pending, status, body, latencyNanos);
        }
    }

    @Override
    public void failed(String detail, PhaseStats stats, long latencyNanos) {
        stats.error(pending, -1, detail, latencyNanos);
    }

    /** One write's worth: head and body together, so that with TCP_NODELAY they leave as one segment. */
    private byte[] http(String requestLine, String json) {
        StringBuilder text = new StringBuilder(320).append(requestLine).append(" HTTP/1.1\r\n").append(fixedHeaders);
        if (json != null) {
            text.append("Content-Type: application/json\r\nContent-Length: ").append(json.length()).append("\r\n\r\n")
                    .append(json);
        } else {
            text.append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.US_ASCII);
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
}
