-- Price events read from Kafka (docs/price-events.md), one row per event, for charts and audits. The latest
-- price per token lives in Redis; this is the history. Rows are written a poll batch at a time with
-- "on conflict (event_id) do nothing", so a redelivered event is stored once.

create table price_history (
    -- the producer's id of the event; redeliveries carry the same
    event_id    varchar(128) primary key,
    -- an asset code (BTC) or a market symbol (BTC-USD)
    token       varchar(33)  not null,
    -- exactly as published, scale included: whole quote units per whole base unit
    price       numeric      not null,
    -- when the producer observed the price
    observed_at timestamptz  not null,
    source      varchar(64)  not null,
    received_at timestamptz  not null default now(),
    constraint price_history_price_check check (price > 0 and scale(price) <= 18)
);

-- charts read one token over a time range
create index price_history_token_time on price_history (token, observed_at);
