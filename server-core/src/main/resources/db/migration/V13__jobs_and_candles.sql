-- Scheduled jobs and what they compute: the run history every instance shares, candles and 24-hour statistics
-- per market (from the trades), order book snapshots, and the mark of API keys whose expiry was announced.
-- Amounts are in the units of V10__trading.sql: prices in quote minor units per whole base unit, volumes in base
-- minor units, quote volumes in quote minor units.

-- One row per run of a job: a scheduled fire time (claimed by one instance of the cluster) or a manual run.
create table job_runs (
    id          bigserial   primary key,
    job_name    varchar(64) not null,
    -- the cron fire time the run is for; for a manual run, the time it was asked for
    fire_time   timestamptz not null,
    -- SCHEDULE or MANUAL
    trigger     varchar(8)  not null,
    -- the server instance that ran it
    instance    varchar(128) not null,
    started_at  timestamptz not null,
    finished_at timestamptz,
    -- RUNNING until it ends; then OK, FAILED (message says why) or SKIPPED (another run was still going)
    result      varchar(8)  not null,
    message     varchar(1000),
    -- a fire time runs once in the cluster; this backs the Redis claim up
    constraint job_runs_fire_key unique (job_name, fire_time, trigger),
    constraint job_runs_trigger_check check (trigger in ('SCHEDULE', 'MANUAL')),
    constraint job_runs_result_check check (result in ('RUNNING', 'OK', 'FAILED', 'SKIPPED')),
    constraint job_runs_finished_check check ((finished_at is null) = (result = 'RUNNING'))
);
-- A job's history, newest first, and each job's last run.
create index job_runs_job_started_idx on job_runs (job_name, started_at desc, id desc);
-- Retention.
create index job_runs_started_idx on job_runs (started_at);

-- Candles by market, interval and the start of their time bucket (UTC, aligned to the epoch). Only buckets with
-- trades have a row. The first and last trade (by execution time, then id) are kept so that a later run can merge
-- more trades into the candle exactly, also a trade that arrives late for a bucket already computed.
create table candles (
    market_id      integer     not null references markets (id),
    -- 1m, 5m, 1h or 1d
    interval       varchar(3)  not null,
    bucket_start   timestamptz not null,
    open           bigint      not null,
    high           bigint      not null,
    low            bigint      not null,
    close          bigint      not null,
    volume         bigint      not null,
    quote_volume   bigint      not null,
    trade_count    bigint      not null,
    first_trade_at timestamptz not null,
    first_trade_id bigint      not null,
    last_trade_at  timestamptz not null,
    last_trade_id  bigint      not null,
    primary key (market_id, interval, bucket_start),
    constraint candles_interval_check check (interval in ('1m', '5m', '1h', '1d')),
    constraint candles_prices_check check (low > 0 and low <= open and low <= close and high >= open
        and high >= close),
    constraint candles_volume_check check (volume > 0 and quote_volume > 0 and trade_count > 0)
);

-- How far the candle job has read the trades table (trade ids only grow); one row.
create table candle_progress (
    id            smallint primary key default 1,
    last_trade_id bigint   not null,
    constraint candle_progress_single check (id = 1)
);
insert into candle_progress (id, last_trade_id) values (1, 0);

-- The last 24 hours of each market as of computed_at (1-minute resolution), for the watchlist.
create table market_stats (
    market_id    integer     primary key references markets (id),
    window_start timestamptz not null,
    -- null when the market had no trade in the window
    open         bigint,
    high         bigint,
    low          bigint,
    -- the last trade price, also when older than the window; null when the market never traded
    last         bigint,
    volume       bigint      not null,
    quote_volume bigint      not null,
    trade_count  bigint      not null,
    computed_at  timestamptz not null
);

-- The top levels of each book, taken periodically: levels are JSON arrays of [price, quantity, orders].
create table order_book_snapshots (
    id        bigserial   primary key,
    market_id integer     not null references markets (id),
    taken_at  timestamptz not null,
    bids      jsonb       not null,
    asks      jsonb       not null
);
create index order_book_snapshots_market_idx on order_book_snapshots (market_id, taken_at desc);
create index order_book_snapshots_taken_idx on order_book_snapshots (taken_at);

-- The expiry the owner was told about; a key whose expiry changes is announced again when it passes.
alter table api_keys add column expiry_announced_for timestamptz;
create index api_keys_expires_at_idx on api_keys (expires_at) where expires_at is not null and revoked_at is null;
