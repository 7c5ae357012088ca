package io.orderbook.domain.book;

/** The orders resting at one price, oldest first (a doubly linked queue through the orders). */
final class PriceLevel {
    long price;
    /** Index in its side's price window, or -1 when it is kept among the far levels (see {@link BookSide}). */
    int slot;
    long totalLots;
    int count;
    BookOrder head;
    BookOrder tail;

    void append(BookOrder order) {
        order.level = this;
        order.prev = tail;
        order.next = null;
        if (tail == null) {
            head = order;
        } else {
            tail.next = order;
        }
        tail = order;
        totalLots += order.openLots;
        count++;
    }

    void unlink(BookOrder order) {
        if (order.prev == null) {
            head = order.next;
        } else {
            order.prev.next = order.next;
        }
        if (order.next == null) {
            tail = order.prev;
        } else {
            order.next.prev = order.prev;
        }
        totalLots -= order.openLots;
        count--;
        order.level = null;
        order.prev = null;
        order.next = null;
    }

    boolean isEmpty() {
        return head == null;
    }
}
