-- The best price each trailing stop has reached, saved every few seconds (docs/conditional-orders.md), in a narrow
-- table of its own instead of in the wide conditional_orders row. When the price trends, tens of thousands of stops
-- move between two saves. Saved into conditional_orders, each save locked those rows and rewrote them (about 300 bytes
-- each, spread over thousands of pages), and in the price-event load run the claims of fired orders, which lock and
-- update rows of the same table, waited while it ran: the event-to-order p99 was 21.8 and 33.2 ms with the saves and
-- 16.4 and 14.0 ms with the saves switched off (runs alternated; docs/price-events.md). Here a row is a few tens of bytes, the rows of 20,000 stops fit in about a
-- hundred pages, a save locks nothing of conditional_orders, and its updates are HOT (no indexed column changes).
-- conditional_orders.trailing_best stays the best price when the stop was armed; a row here is created with it.
create table trailing_stop_bests (
    conditional_order_id bigint      primary key references conditional_orders (id),
    best                 bigint      not null,
    saved_at             timestamptz not null,
    constraint trailing_stop_bests_best_check check (best >= 0)
) with (fillfactor = 50);

insert into trailing_stop_bests (conditional_order_id, best, saved_at)
select id, trailing_best, updated_at from conditional_orders where kind = 'TRAILING_STOP';
