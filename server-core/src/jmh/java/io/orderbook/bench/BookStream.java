package io.orderbook.bench;

import io.orderbook.domain.book.BookListener;
import io.orderbook.domain.book.BookOrder;
import io.orderbook.domain.book.OrderBook;
import io.orderbook.domain.model.SelfTradePrevention;
import io.orderbook.domain.model.Side;

import java.util.Arrays;

/**
 * The workload as the {@link OrderBook} alone sees it: every command the engine accepted, translated into
 * the book call the engine makes for it, in primitive arrays. No validation, funds or events.
 *
 * <p>The first {@link #prefillOps()} operations build the starting book; the rest are the measured stream.
 * Replaying everything on a fresh book leaves exactly the book the engine has after the command stream
 * (the generator checks this).
 */
final class BookStream {
    static final byte PLACE_GTC = 0;
    static final byte PLACE_IOC = 1;
    static final byte CANCEL = 2;
    /** A new price with the same open quantity: the order loses its priority and may trade. */
    static final byte MOVE = 3;
    /** A lower open quantity at the same price: the order keeps its place. */
    static final byte REDUCE = 4;

    private byte[] op = new byte[1 << 16];
    private boolean[] buy = new boolean[1 << 16];
    private long[] orderId = new long[1 << 16];
    private long[] userId = new long[1 << 16];
    /** Price in ticks for places and moves. */
    private long[] price = new long[1 << 16];
    /** Lots for places; the new open lots for reductions. */
    private long[] lots = new long[1 << 16];
    private long[] timestamp = new long[1 << 16];
    private int size;
    private int prefillOps;
    private final long unitNotional;

    BookStream(long unitNotional) {
        this.unitNotional = unitNotional;
    }

    void add(byte operation, long timestamp, long orderId, long userId, Side side, long priceTicks, long lots) {
        if (size == op.length) {
            int grown = size * 2;
            op = Arrays.copyOf(op, grown);
            buy = Arrays.copyOf(buy, grown);
            this.orderId = Arrays.copyOf(this.orderId, grown);
            this.userId = Arrays.copyOf(this.userId, grown);
            price = Arrays.copyOf(price, grown);
            this.lots = Arrays.copyOf(this.lots, grown);
            this.timestamp = Arrays.copyOf(this.timestamp, grown);
        }
        op[size] = operation;
        buy[size] = side == Side.BUY;
        this.orderId[size] = orderId;
        this.userId[size] = userId;
        price[size] = priceTicks;
        this.lots[size] = lots;
        this.timestamp[size] = timestamp;
        size++;
    }

    /** Marks everything added so far as the prefill that {@link #newBook} replays. */
    void endPrefill() {
        prefillOps = size;
    }

    int prefillOps() {
        return prefillOps;
    }

    /** Number of operations, prefill included. */
    int size() {
        return size;
    }

    byte operation(int index) {
        return op[index];
    }

    /** A book holding the prefilled orders, reporting to {@code listener}. */
    OrderBook newBook(BookListener listener) {
        OrderBook book = new OrderBook(unitNotional, listener);
        for (int i = 0; i < prefillOps; i++) {
            apply(book, i);
        }
        return book;
    }

    /** Applies the measured operations {@code from} (inclusive) to {@code to} (exclusive), indexes after the prefill. */
    void replay(OrderBook book, int from, int to) {
        for (int i = prefillOps + from, end = prefillOps + to; i < end; i++) {
            apply(book, i);
        }
    }

    /** Applies operation {@code index} (counted from the start, prefill included). */
    void apply(OrderBook book, int index) {
        switch (op[index]) {
            case PLACE_GTC -> book.place(newOrder(index), true, timestamp[index]);
            case PLACE_IOC -> book.place(newOrder(index), false, timestamp[index]);
            case CANCEL -> book.cancel(orderId[index]);
            case MOVE -> {
                BookOrder order = book.order(orderId[index]);
                book.replace(order, price[index], order.openLots(), timestamp[index]);
            }
            case REDUCE -> book.reduce(book.order(orderId[index]), lots[index]);
            default -> throw new IllegalStateException("unknown operation " + op[index]);
        }
    }

    private BookOrder newOrder(int index) {
        return new BookOrder(orderId[index], userId[index], buy[index] ? Side.BUY : Side.SELL, price[index],
                lots[index], BookOrder.UNLIMITED, BookOrder.NEVER, SelfTradePrevention.NONE);
    }
}
