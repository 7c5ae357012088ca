-- The resumption of interrupted firings runs every few seconds and looks for TRIGGERED orders whose lease ran out.
-- Without an index of its own it read the whole table each time, every conditional order ever made included (13 ms
-- for 100,000 rows on the 2-core test machine, 33 ms under the price-event load). Orders stay TRIGGERED only between
-- their claim and their placement, so this index holds a handful of entries; the claim and the end of a firing
-- change the status, an indexed column already, so it costs no HOT update.
create index conditional_orders_triggered_idx on conditional_orders (triggered_at) where status = 'TRIGGERED';
