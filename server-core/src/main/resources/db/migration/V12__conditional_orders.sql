-- Conditional orders: stop-loss, take-profit, trailing stops, trigger (entry) orders and one-cancels-the-other
-- pairs, armed until a price event crosses their trigger, then placed through the same path as a user's order.
-- Units as in V10__trading.sql: prices in quote minor units per whole base unit, quantities in base minor units,
-- quote amounts in quote minor units; percentages in parts per million (1% = 10000).
--
-- Lifecycle: ARMED -> TRIGGERED (claimed atomically by one server instance: UPDATE ... WHERE status = 'ARMED')
-- -> FIRED (the order was placed; placed_order_id) or FAILED (could not be sized, funded or placed; reason).
-- ARMED -> CANCELLED by its owner, or by its one-cancels-the-other sibling firing (reason OCO_SIBLING_FIRED).
-- The placed order carries client_order_id 'cond-<id>' and the idempotency key 'cond-<id>', so a retry after a
-- crash between the claim and the placement gets the first answer instead of placing a second order.
create table conditional_orders (
    id                bigserial   primary key,
    user_id           bigint      not null,
    market_id         integer     not null references markets (id),
    kind              varchar(16) not null,
    side              varchar(4)  not null,
    -- the order placed when it fires: MARKET or LIMIT (at limit_price)
    order_type        varchar(8)  not null,
    limit_price       bigint,
    -- fixed trigger price (STOP_LOSS, TAKE_PROFIT, TRIGGER); null for trailing stops
    trigger_price     bigint,
    -- trailing stops: AMOUNT (quote minor units) or PERCENT (ppm) away from the best price since arming
    trailing_offset   varchar(8),
    trailing_distance bigint,
    -- the best price when armed (0: none known yet, the first price sets it)
    trailing_best     bigint,
    -- how much it trades: BASE (quantity_value = base minor units), QUOTE (quote minor units),
    -- BALANCE_PERCENT (ppm of the available balance), FILLED_PERCENT (ppm of quantity_order_id's filled quantity)
    quantity_rule     varchar(16) not null,
    quantity_value    bigint      not null,
    quantity_order_id bigint,
    -- the other leg of a one-cancels-the-other pair
    oco_id            bigint      references conditional_orders (id),
    status            varchar(10) not null,
    -- why it FAILED or was CANCELLED
    reason            varchar(200),
    -- the price that fired it (quote minor units) and the event that carried that price
    fired_price       bigint,
    fired_event_id    varchar(128),
    placed_order_id   bigint,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    triggered_at      timestamptz,
    constraint conditional_orders_user_check check (user_id > 0),
    constraint conditional_orders_kind_check
        check (kind in ('STOP_LOSS', 'TAKE_PROFIT', 'TRAILING_STOP', 'TRIGGER')),
    constraint conditional_orders_side_check check (side in ('BUY', 'SELL')),
    constraint conditional_orders_type_check check (case order_type
        when 'MARKET' then limit_price is null when 'LIMIT' then limit_price > 0 else false end),
    constraint conditional_orders_trigger_check check (case when kind = 'TRAILING_STOP'
        then trigger_price is null and trailing_best >= 0 and (trailing_offset = 'AMOUNT' and trailing_distance > 0
            or trailing_offset = 'PERCENT' and trailing_distance between 1 and 999999)
        else trigger_price > 0 and trailing_offset is null and trailing_distance is null and trailing_best is null end),
    constraint conditional_orders_quantity_check check (case quantity_rule
        when 'BASE' then quantity_value > 0 and quantity_order_id is null
        when 'QUOTE' then quantity_value > 0 and quantity_order_id is null
        when 'BALANCE_PERCENT' then quantity_value between 1 and 1000000 and quantity_order_id is null
        when 'FILLED_PERCENT' then quantity_value between 1 and 1000000 and quantity_order_id is not null
        else false end),
    constraint conditional_orders_status_check
        check (status in ('ARMED', 'TRIGGERED', 'FIRED', 'FAILED', 'CANCELLED')),
    constraint conditional_orders_fired_check check ((placed_order_id is null) or status = 'FIRED'),
    constraint conditional_orders_reason_check check (length(reason) between 1 and 200),
    constraint conditional_orders_oco_check check (oco_id <> id)
);
-- What each server instance arms at start, and what the resumption of interrupted firings reads.
create index conditional_orders_live_idx on conditional_orders (market_id, id) where status in ('ARMED', 'TRIGGERED');
-- A user's conditional orders, newest first.
create index conditional_orders_user_idx on conditional_orders (user_id, created_at desc, id desc);
