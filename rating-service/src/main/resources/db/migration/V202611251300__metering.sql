-- Read models fed by invoicing-service's topics.
CREATE TABLE subscriptions (
    subscription_id          uuid        PRIMARY KEY,
    organization_id          uuid        NOT NULL,
    revision                 bigint      NOT NULL,
    external_id              text        NOT NULL,
    customer_id              uuid        NOT NULL,
    external_customer_id     text        NOT NULL,
    plan_code                text        NOT NULL,
    status                   varchar(16) NOT NULL,
    billing_time             varchar(16) NOT NULL,
    subscription_at          timestamptz NOT NULL,
    started_at               timestamptz,
    ending_at                timestamptz,
    terminated_at            timestamptz,
    timezone                 text        NOT NULL,
    previous_subscription_id uuid,
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX subscriptions_external_idx ON subscriptions (organization_id, external_id);

CREATE TABLE customers (
    customer_id     uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    revision        bigint      NOT NULL,
    external_id     text        NOT NULL,
    currency        char(3),
    timezone        text,
    deleted         boolean     NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customers_external_idx ON customers (organization_id, external_id);

-- The ledger: every accepted event, one row per organization + subscription + transaction_id.
-- A retry (same content) changes nothing; a correction (new content, later offset) replaces the
-- row. source_partition/source_offset tell a replayed Kafka message from a newer one.
CREATE TABLE events (
    organization_id            uuid           NOT NULL,
    external_subscription_id   text           NOT NULL,
    transaction_id             text           NOT NULL,
    code                       text           NOT NULL,
    timestamp                  timestamptz    NOT NULL,
    properties                 text           NOT NULL,
    precise_total_amount_cents numeric(40,15),
    content_hash               bigint         NOT NULL,
    source_partition           integer        NOT NULL,
    source_offset              bigint         NOT NULL,
    ingested_at                timestamptz    NOT NULL,
    created_at                 timestamptz    NOT NULL DEFAULT now(),
    updated_at                 timestamptz    NOT NULL DEFAULT now(),
    -- transaction_id before the subscription: the same index serves GET /events/{transaction_id}
    PRIMARY KEY (organization_id, transaction_id, external_subscription_id)
);
CREATE INDEX events_subscription_time_idx ON events (organization_id, external_subscription_id, timestamp);

-- Per-period usage of each charge, filter and group, kept up to date as events arrive.
CREATE TABLE usage_aggregates (
    organization_id            uuid        NOT NULL,
    subscription_id            uuid        NOT NULL,
    charge_id                  uuid        NOT NULL,
    filter_id                  uuid        NOT NULL,
    group_key                  text        NOT NULL,
    period_from                timestamptz NOT NULL,
    period_to                  timestamptz NOT NULL,
    events_count               bigint      NOT NULL,
    units                      numeric     NOT NULL,
    max_value                  numeric,
    latest_value               numeric,
    latest_at                  timestamptz,
    weighted_area              numeric     NOT NULL,
    precise_total_amount_cents numeric     NOT NULL,
    created_at                 timestamptz NOT NULL DEFAULT now(),
    updated_at                 timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (subscription_id, period_from, charge_id, filter_id, group_key)
) WITH (fillfactor = 70); -- room on the page for HOT updates: merging a batch rewrites every row it touches

-- Distinct values of unique_count charges; a value counts while its latest operation is an add.
CREATE TABLE usage_unique_values (
    organization_id uuid        NOT NULL,
    subscription_id uuid        NOT NULL,
    charge_id       uuid        NOT NULL,
    filter_id       uuid        NOT NULL,
    group_key       text        NOT NULL,
    period_from     timestamptz NOT NULL,
    value           text        NOT NULL,
    present         boolean     NOT NULL,
    last_at         timestamptz NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (subscription_id, period_from, charge_id, filter_id, group_key, value)
);

-- Events that cannot be billed as sent (Lago's events.errors reasons), for operators and clients.
CREATE TABLE event_errors (
    organization_id          uuid        NOT NULL,
    external_subscription_id text        NOT NULL,
    transaction_id           text        NOT NULL,
    code                     text        NOT NULL,
    error                    varchar(64) NOT NULL,
    timestamp                timestamptz NOT NULL,
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, external_subscription_id, transaction_id, error)
);
CREATE INDEX event_errors_org_idx ON event_errors (organization_id, created_at DESC);

-- Subscriptions whose usage changed since billing.usage.rated last said so.
CREATE TABLE usage_dirty (
    subscription_id uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- A subscription that appeared (or changed) after its events: its periods are rebuilt.
ALTER TABLE rerate_requests ADD COLUMN subscription_id uuid;
