-- Every fill, cancel and amend updates an order: thousands of updates a second under load. The partial index of
-- open orders (V10) named status in its predicate and price among its columns, so each of those updates was a
-- non-HOT one that added an entry to all four of the table's indexes (write-ahead log and CPU for each). The books
-- are rebuilt at start-up from a scan that also reads the ended orders, and a cancel-all now asks the engine, so
-- nothing needs the index. Without it no indexed column changes in an update; with room left on each page
-- (fillfactor 80) the new row version stays on its page, a heap-only (HOT) update that touches no index.
drop index orders_open_idx;
alter table orders set (fillfactor = 80);
