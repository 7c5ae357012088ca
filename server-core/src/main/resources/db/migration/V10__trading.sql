-- Trading: assets, markets, balances, orders, trades, the audit trail of balance adjustments, and the
-- answers kept for idempotent retries. The matching engine is the source of truth while it runs; these rows
-- are its durable copy, written one transaction per group commit and read back to rebuild it on start.
--
-- Units, everywhere (the engine's, see io.orderbook.domain.model.Market):
--   * an amount of an asset is a bigint in that asset's minor units (10^scale per whole unit, e.g. satoshis);
--   * a quantity is in base minor units;
--   * a price is in quote minor units per ONE WHOLE base unit (10^base scale base minor units);
--   * fees and quote amounts are in quote minor units; fee rates are parts per million;
--   * engine times an order carries (expire_at) are epoch milliseconds, compared by the engine as they are.
-- Times the server records (created_at, executed_at, ...) are timestamptz.
--
-- User ids refer to users (id) but have no foreign key: user 0 is the fee account, which is not a login,
-- and trading history must outlive a deleted user (as the request log does).
-- The CHECK constraints are the last line of defence behind the engine: a bug that would store a negative
-- balance or an impossible order fails the whole batch instead of corrupting the books.

create table assets (
    id         integer     primary key,
    code       varchar(16) not null,
    -- decimal places: one whole unit is 10^scale minor units
    scale      smallint    not null,
    created_at timestamptz not null,
    constraint assets_code_key unique (code),
    -- the engine keeps per-asset arrays indexed by id
    constraint assets_id_check check (id between 0 and 32767),
    constraint assets_scale_check check (scale between 0 and 18),
    constraint assets_code_check check (code ~ '^[A-Z0-9]{1,16}$')
);

create table markets (
    id                 integer     primary key,
    symbol             varchar(32) not null,
    base_asset_id      integer     not null references assets (id),
    quote_asset_id     integer     not null references assets (id),
    -- price step, quote minor units per whole base unit
    tick_size          bigint      not null,
    -- quantity step, base minor units
    lot_size           bigint      not null,
    -- smallest order value, quote minor units
    min_notional       bigint      not null,
    maker_fee_ppm      integer     not null,
    taker_fee_ppm      integer     not null,
    default_stp        varchar(16) not null,
    halted             boolean     not null default false,
    -- Ed25519 public key that verifies the market's trade signatures, X.509 SubjectPublicKeyInfo (DER)
    public_key         bytea       not null,
    -- the matching private key (PKCS#8), sealed by SecretBox under the configured master key
    private_key_sealed bytea       not null,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    -- soft delete: orders and trades keep referring to the market
    deleted_at         timestamptz,
    version            bigint      not null default 0,
    -- the engine keeps its markets in an array indexed by id
    constraint markets_id_check check (id between 0 and 65535),
    constraint markets_symbol_check check (symbol ~ '^[A-Z0-9]{1,15}-[A-Z0-9]{1,16}$'),
    constraint markets_assets_check check (base_asset_id <> quote_asset_id),
    constraint markets_tick_size_check check (tick_size > 0),
    constraint markets_lot_size_check check (lot_size > 0),
    constraint markets_min_notional_check check (min_notional >= 0),
    constraint markets_maker_fee_check check (maker_fee_ppm between 0 and 100000),
    constraint markets_taker_fee_check check (taker_fee_ppm between 0 and 100000),
    constraint markets_default_stp_check
        check (default_stp in ('NONE', 'EXPIRE_TAKER', 'EXPIRE_MAKER', 'EXPIRE_BOTH'))
);
-- A symbol names one live market; a deleted market's symbol may be listed again (under a new id).
create unique index markets_symbol_key on markets (symbol) where deleted_at is null;

-- One row per user and asset the user ever held; user 0 is the fee account. Rows at zero are kept.
-- asset_id has no foreign key on purpose: the engine credits any asset id in 0..32767, so a deposit in an asset
-- not listed in assets must not fail the group commit of everyone else's orders (the admin API checks the asset
-- before it submits). The range check still holds the engine to its bounds.
create table balances (
    user_id    bigint      not null,
    asset_id   integer     not null,
    -- free to spend, minor units
    available  bigint      not null,
    -- reserved by open orders, minor units (equals the sum of those orders' reserved)
    locked     bigint      not null,
    updated_at timestamptz not null,
    primary key (user_id, asset_id),
    constraint balances_user_check check (user_id >= 0),
    constraint balances_asset_check check (asset_id between 0 and 32767),
    constraint balances_available_check check (available >= 0),
    constraint balances_locked_check check (locked >= 0)
);

-- Order ids are assigned by the application before the engine sees the order, so that the engine stays
-- deterministic. Each nextval reserves the block [value, value + 999]; see PostgresOrderIdAllocator.
create sequence order_ids as bigint start with 1 increment by 1000 minvalue 1;

create table orders (
    id               bigint      primary key,
    user_id          bigint      not null,
    market_id        integer     not null references markets (id),
    -- the client's own id for the order, unique per user; null if none was given
    client_order_id  varchar(64),
    side             varchar(4)  not null,
    type             varchar(16) not null,
    time_in_force    varchar(3)  not null,
    -- limit price, quote minor units per whole base unit; 0 for market orders
    price            bigint      not null,
    -- total base quantity (filled part included, as last amended); 0 for a market buy sized by quote amount
    quantity         bigint      not null,
    -- quote a market buy may spend, fees included; otherwise 0
    quote_amount     bigint      not null,
    -- expiry of a good-till-date order, epoch milliseconds; null otherwise
    expire_at        bigint,
    -- the self-trade prevention in effect (the market's default when the order chose none)
    stp              varchar(16) not null,
    status           varchar(9)  not null,
    -- why a CANCELLED or EXPIRED order ended (USER, CLOSE, NOT_FILLED, TIME, SELF_TRADE_PREVENTION)
    end_reason       varchar(32),
    filled_quantity  bigint      not null,
    -- still open to trade; 0 once the order has ended
    open_quantity    bigint      not null,
    -- funds the order still holds locked, minor units of the asset it spends (quote for buys, base for sells)
    reserved         bigint      not null,
    -- position in the queue of resting orders: at one price, the lower number rests longer and trades first.
    -- A new number is drawn whenever the order starts resting or loses its priority; null when not resting.
    priority         bigint,
    -- whether the order has been closed (see Command.CloseOrder), and by which opposite-side market order
    closed           boolean     not null default false,
    closing_order_id bigint,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    constraint orders_client_order_id_key unique (user_id, client_order_id),
    constraint orders_user_check check (user_id > 0),
    constraint orders_client_order_id_check check (length(client_order_id) between 1 and 64),
    constraint orders_side_check check (side in ('BUY', 'SELL')),
    constraint orders_type_check check (type in ('LIMIT', 'MARKET', 'LIMIT_MAKER')),
    constraint orders_time_in_force_check check (time_in_force in ('GTC', 'IOC', 'FOK', 'GTD')),
    constraint orders_stp_check check (stp in ('NONE', 'EXPIRE_TAKER', 'EXPIRE_MAKER', 'EXPIRE_BOTH')),
    constraint orders_status_check check (status in ('OPEN', 'FILLED', 'CANCELLED', 'EXPIRED')),
    constraint orders_amounts_check check (price >= 0 and quantity >= 0 and quote_amount >= 0
        and filled_quantity >= 0 and open_quantity >= 0 and reserved >= 0),
    constraint orders_expire_at_check check (case when time_in_force = 'GTD'
        then coalesce(expire_at > 0, false) else expire_at is null end),
    -- an open order rests in its book; an ended one holds nothing and has nothing open
    constraint orders_open_check check (case when status = 'OPEN'
        then priority is not null and open_quantity > 0 and filled_quantity + open_quantity = quantity
        else priority is null and open_quantity = 0 and reserved = 0 end),
    constraint orders_end_reason_check check ((end_reason is null) = (status in ('OPEN', 'FILLED'))),
    constraint orders_closing_check check (closing_order_id is null or closed and status <> 'OPEN')
);
-- The books: every open order by market, side, price and queue position (what a restart reads).
create index orders_open_idx on orders (market_id, side, price, priority) where status = 'OPEN';
-- A user's orders, newest first.
create index orders_user_created_idx on orders (user_id, created_at desc, id desc);

create table trades (
    -- the engine's trade id, increasing
    id              bigint      primary key,
    market_id       integer     not null references markets (id),
    -- the maker's price, quote minor units per whole base unit
    price           bigint      not null,
    -- base minor units
    quantity        bigint      not null,
    -- the trade's value, quote minor units (price * quantity / 10^base scale, exact)
    quote_quantity  bigint      not null,
    maker_order_id  bigint      not null references orders (id),
    maker_user_id   bigint      not null,
    taker_order_id  bigint      not null references orders (id),
    taker_user_id   bigint      not null,
    taker_side      varchar(4)  not null,
    -- fees, quote minor units, paid to the fee account (user 0)
    maker_fee       bigint      not null,
    taker_fee       bigint      not null,
    -- Ed25519 signature by the market's key over the trade; null until trades are signed
    signature       bytea,
    executed_at     timestamptz not null,
    constraint trades_amounts_check check (price > 0 and quantity > 0 and quote_quantity > 0
        and maker_fee >= 0 and taker_fee >= 0),
    constraint trades_taker_side_check check (taker_side in ('BUY', 'SELL')),
    constraint trades_orders_check check (maker_order_id <> taker_order_id)
);
create index trades_market_idx on trades (market_id, id desc);
create index trades_maker_user_idx on trades (maker_user_id, id desc);
create index trades_taker_user_idx on trades (taker_user_id, id desc);

-- Audit trail of credits and debits made from outside trading (deposits, withdrawals, corrections).
create table balance_adjustments (
    id              bigserial   primary key,
    user_id         bigint      not null,
    -- no foreign key, as for balances
    asset_id        integer     not null,
    -- minor units: positive credits, negative debits the available balance
    amount          bigint      not null,
    -- the available balance right after, minor units
    available_after bigint      not null,
    reason          text,
    -- the administrator who made it; null when the system did
    actor_user_id   bigint,
    created_at      timestamptz not null,
    constraint balance_adjustments_amount_check check (amount <> 0),
    constraint balance_adjustments_available_check check (available_after >= 0),
    constraint balance_adjustments_reason_check check (length(reason) <= 500)
);
create index balance_adjustments_user_idx on balance_adjustments (user_id, created_at desc);

-- The first answer to a request sent with an Idempotency-Key, stored in the same transaction as its effects:
-- a retry with the same key gets this answer back instead of acting again, also after a crash.
create table idempotency_keys (
    user_id         bigint       not null,
    idempotency_key varchar(255) not null,
    -- the caller's digest of the request; a retry with the same key must carry the same one
    fingerprint     varchar(128) not null,
    -- the command and the events it produced, as JSON (see CommandResultJson)
    result          jsonb        not null,
    created_at      timestamptz  not null,
    primary key (user_id, idempotency_key),
    constraint idempotency_keys_key_check check (length(idempotency_key) >= 1),
    constraint idempotency_keys_fingerprint_check check (length(fingerprint) >= 1)
);
-- For purging old keys.
create index idempotency_keys_created_idx on idempotency_keys (created_at);
