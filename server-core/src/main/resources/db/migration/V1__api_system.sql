-- The API system: users, their refresh tokens and API keys, and the request log.
-- Secrets are stored only as hashes; the application hashes before it writes.
-- Timestamps are timestamptz (UTC instants); ids are bigint.
-- Rows that are read, changed and written back carry a version for optimistic locking, so a stale copy
-- can never silently undo a concurrent change (re-enable a disabled user, un-revoke a revoked key).

create table users (
    id            bigserial    primary key,
    username      varchar(64)  not null,
    password_hash varchar(255) not null,
    role          varchar(16)  not null,
    enabled       boolean      not null default true,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    version       bigint       not null default 0,
    constraint users_role_check check (role in ('ADMIN', 'TRADER')),
    constraint users_username_not_blank check (length(trim(username)) > 0)
);
-- "Alice" and "alice" are the same user: uniqueness on the lower-cased name.
create unique index users_username_key on users (lower(username));

create table refresh_tokens (
    id         bigserial    primary key,
    user_id    bigint       not null references users (id) on delete cascade,
    token_hash varchar(255) not null,
    expires_at timestamptz  not null,
    revoked_at timestamptz,
    created_at timestamptz  not null,
    constraint refresh_tokens_token_hash_key unique (token_hash)
);
create index refresh_tokens_user_id_idx on refresh_tokens (user_id);

create table api_keys (
    id                          bigserial    primary key,
    user_id                     bigint       not null references users (id) on delete cascade,
    name                        varchar(100) not null,
    prefix                      varchar(32)  not null,
    secret_hash                 varchar(255) not null,
    scope                       varchar(16)  not null,
    rate_limit_per_minute       integer      not null,
    expires_at                  timestamptz,
    -- empty means "any address"; entries are IP addresses or CIDR blocks as text
    ip_allow_list               text[]       not null default '{}',
    revoked_at                  timestamptz,
    last_used_at                timestamptz,
    -- after a regeneration the old secret may stay valid for a grace period
    previous_secret_hash        varchar(255),
    previous_secret_valid_until timestamptz,
    created_at                  timestamptz  not null,
    updated_at                  timestamptz  not null,
    version                     bigint       not null default 0,
    constraint api_keys_prefix_key unique (prefix),
    constraint api_keys_scope_check check (scope in ('READ_ONLY', 'READ_WRITE')),
    constraint api_keys_rate_limit_check check (rate_limit_per_minute > 0),
    constraint api_keys_previous_secret_check
        check ((previous_secret_hash is null) = (previous_secret_valid_until is null))
);
create index api_keys_user_id_idx on api_keys (user_id);

-- Append-only history of every request. No foreign keys: rows outlive deleted users and keys,
-- and inserts stay cheap. Free-form columns are text so one odd value never fails a whole batch.
create table request_log (
    id             bigserial   primary key,
    occurred_at    timestamptz not null,
    method         text        not null,
    path           text        not null,
    status         integer     not null,
    latency_micros bigint      not null,
    user_id        bigint,
    api_key_id     bigint,
    client_ip      text,
    request_id     text,
    error_code     text,
    constraint request_log_status_check check (status between 100 and 599),
    constraint request_log_latency_check check (latency_micros >= 0)
);
create index request_log_occurred_at_idx on request_log (occurred_at);
create index request_log_user_idx on request_log (user_id, occurred_at) where user_id is not null;
create index request_log_api_key_idx on request_log (api_key_id, occurred_at) where api_key_id is not null;
create index request_log_status_idx on request_log (status, occurred_at);
