-- The catalog rating-service owns: billable metrics, plans, their charges and charge filters.
-- Soft deletion (deleted_at) keeps history for past usage; codes are unique among live rows.
CREATE TABLE billable_metrics (
    id                 uuid        PRIMARY KEY,
    organization_id    uuid        NOT NULL,
    code               text        NOT NULL,
    name               text        NOT NULL,
    description        text,
    aggregation_type   varchar(32) NOT NULL,
    field_name         text,
    recurring          boolean     NOT NULL,
    weighted_interval  varchar(16),
    rounding_function  varchar(8),
    rounding_precision integer,
    expression         text,
    filters            jsonb       NOT NULL,
    revision           bigint      NOT NULL,
    deleted_at         timestamptz,
    created_at         timestamptz NOT NULL,
    updated_at         timestamptz NOT NULL
);
CREATE UNIQUE INDEX billable_metrics_code_idx ON billable_metrics (organization_id, code) WHERE deleted_at IS NULL;

CREATE TABLE plans (
    id                                      uuid          PRIMARY KEY,
    organization_id                         uuid          NOT NULL,
    code                                    text          NOT NULL,
    name                                    text          NOT NULL,
    invoice_display_name                    text,
    description                             text,
    interval                                varchar(16)   NOT NULL,
    amount_cents                            bigint        NOT NULL,
    amount_currency                         char(3)       NOT NULL,
    pay_in_advance                          boolean       NOT NULL,
    trial_period                            numeric(12,4) NOT NULL,
    bill_charges_monthly                    boolean       NOT NULL,
    minimum_commitment_id                   uuid,
    minimum_commitment_amount_cents         bigint,
    minimum_commitment_invoice_display_name text,
    revision                                bigint        NOT NULL,
    deleted_at                              timestamptz,
    created_at                              timestamptz   NOT NULL,
    updated_at                              timestamptz   NOT NULL
);
CREATE UNIQUE INDEX plans_code_idx ON plans (organization_id, code) WHERE deleted_at IS NULL;

CREATE TABLE charges (
    id                   uuid        PRIMARY KEY,
    organization_id      uuid        NOT NULL,
    plan_id              uuid        NOT NULL REFERENCES plans (id),
    billable_metric_id   uuid        NOT NULL REFERENCES billable_metrics (id),
    code                 text        NOT NULL,
    charge_model         varchar(32) NOT NULL,
    pay_in_advance       boolean     NOT NULL,
    invoiceable          boolean     NOT NULL,
    prorated             boolean     NOT NULL,
    min_amount_cents     bigint      NOT NULL,
    invoice_display_name text,
    properties           jsonb       NOT NULL,
    position             integer     NOT NULL,
    deleted_at           timestamptz,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL
);
CREATE INDEX charges_plan_idx ON charges (plan_id) WHERE deleted_at IS NULL;
CREATE INDEX charges_metric_idx ON charges (billable_metric_id) WHERE deleted_at IS NULL;

CREATE TABLE charge_filters (
    id                   uuid        PRIMARY KEY,
    organization_id      uuid        NOT NULL,
    charge_id            uuid        NOT NULL REFERENCES charges (id),
    invoice_display_name text,
    properties           jsonb       NOT NULL,
    filter_values        jsonb       NOT NULL,
    position             integer     NOT NULL,
    deleted_at           timestamptz,
    created_at           timestamptz NOT NULL,
    updated_at           timestamptz NOT NULL
);
CREATE INDEX charge_filters_charge_idx ON charge_filters (charge_id) WHERE deleted_at IS NULL;
