-- The price history as one bar per token and second (docs/price-events.md) instead of one row per event.
-- A row per event cost PostgreSQL about 13 µs of CPU; at 50,000 events a second that was more than half a core of
-- the 2-core machine the benchmarks run on, for a history that charts draw in seconds and longer. The bars merge
-- (first and last by time, then event id; highest; lowest), so a redelivered event changes nothing.

create table price_bars (
    -- an asset code (BTC) or a market symbol (BTC-USD)
    token          varchar(33)  not null,
    -- the start of the second (UTC, aligned to the epoch)
    bucket_start   timestamptz  not null,
    -- prices exactly as published, scale included: whole quote units per whole base unit
    open           numeric      not null,
    high           numeric      not null,
    low            numeric      not null,
    close          numeric      not null,
    -- the first and the last event of the second: when they were observed, and their ids, which order events of the
    -- same microsecond ("C": by code point, as the server compares them)
    open_at        timestamptz  not null,
    open_event_id  varchar(128) collate "C" not null,
    close_at       timestamptz  not null,
    close_event_id varchar(128) collate "C" not null,
    constraint price_bars_pkey primary key (token, bucket_start),
    constraint price_bars_prices_check check (low > 0 and low <= open and low <= close and high >= open
        and high >= close and scale(open) <= 18 and scale(high) <= 18 and scale(low) <= 18 and scale(close) <= 18),
    constraint price_bars_times_check check (open_at <= close_at and open_at >= bucket_start
        and close_at < bucket_start + interval '1 second')
);

-- The history kept so far, as bars. The bucket is taken from the epoch, not date_trunc, which follows the
-- session's time zone.
insert into price_bars (token, bucket_start, open, high, low, close, open_at, open_event_id, close_at, close_event_id)
select token, bucket_start,
       (array_agg(price order by observed_at, event_id collate "C"))[1], max(price), min(price),
       (array_agg(price order by observed_at desc, event_id collate "C" desc))[1],
       min(observed_at), (array_agg(event_id order by observed_at, event_id collate "C"))[1],
       max(observed_at), (array_agg(event_id order by observed_at desc, event_id collate "C" desc))[1]
from (select *, to_timestamp(floor(extract(epoch from observed_at))) as bucket_start from price_history) events
group by token, bucket_start;

drop table price_history;
