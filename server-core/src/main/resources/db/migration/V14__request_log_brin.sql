-- The request log takes a row for every request and is read rarely: each B-tree on it is paid on every
-- insert. Rows arrive in time order, which is what a BRIN index is for: it serves the time-range filters,
-- the per-minute statistics and the retention delete for a fraction of a B-tree's upkeep. The status index
-- goes: a status filter is combined with a time range (BRIN) or a user or key (their B-trees), and a list
-- without any filter counts the whole table anyway.
drop index request_log_occurred_at_idx;
drop index request_log_status_idx;
create index request_log_occurred_at_brin on request_log using brin (occurred_at);
