-- Add-ons (one-off invoice items), coupons, their application to customers, and the credits
-- coupons gave on invoices.

CREATE TABLE add_ons (
    id                   uuid          PRIMARY KEY,
    organization_id      uuid          NOT NULL REFERENCES organizations (id),
    code                 text          NOT NULL,
    name                 text          NOT NULL,
    invoice_display_name text,
    description          text,
    amount_cents         bigint        NOT NULL,
    amount_currency      char(3)       NOT NULL,
    created_at           timestamptz   NOT NULL,
    updated_at           timestamptz   NOT NULL,
    deleted_at           timestamptz
);
CREATE UNIQUE INDEX add_ons_code_idx ON add_ons (organization_id, code) WHERE deleted_at IS NULL;
CREATE INDEX add_ons_list_idx ON add_ons (organization_id, created_at DESC);

CREATE TABLE coupons (
    id                    uuid          PRIMARY KEY,
    organization_id       uuid          NOT NULL REFERENCES organizations (id),
    code                  text          NOT NULL,
    name                  text          NOT NULL,
    description           text,
    coupon_type           varchar(20)   NOT NULL,
    amount_cents          bigint,
    amount_currency       char(3),
    percentage_rate       numeric(30,9),
    frequency             varchar(20)   NOT NULL,
    frequency_duration    integer,
    expiration            varchar(20)   NOT NULL,
    expiration_at         timestamptz,
    reusable              boolean       NOT NULL,
    plan_codes            text[]        NOT NULL DEFAULT '{}',
    billable_metric_codes text[]        NOT NULL DEFAULT '{}',
    status                varchar(20)   NOT NULL,
    terminated_at         timestamptz,
    created_at            timestamptz   NOT NULL,
    updated_at            timestamptz   NOT NULL,
    deleted_at            timestamptz
);
CREATE UNIQUE INDEX coupons_code_idx ON coupons (organization_id, code) WHERE deleted_at IS NULL;
CREATE INDEX coupons_list_idx ON coupons (organization_id, created_at DESC);

-- The terms as applied (the coupon's, with the request's overrides) and what is left of them.
CREATE TABLE applied_coupons (
    id                           uuid          PRIMARY KEY,
    organization_id              uuid          NOT NULL REFERENCES organizations (id),
    coupon_id                    uuid          NOT NULL REFERENCES coupons (id),
    customer_id                  uuid          NOT NULL REFERENCES customers (id),
    status                       varchar(20)   NOT NULL,
    amount_cents                 bigint,
    amount_currency              char(3),
    percentage_rate              numeric(30,9),
    frequency                    varchar(20)   NOT NULL,
    frequency_duration           integer,
    frequency_duration_remaining integer,
    amount_cents_remaining       bigint,
    created_at                   timestamptz   NOT NULL,
    updated_at                   timestamptz   NOT NULL,
    terminated_at                timestamptz
);
CREATE INDEX applied_coupons_customer_idx ON applied_coupons (customer_id, status);
CREATE INDEX applied_coupons_list_idx ON applied_coupons (organization_id, created_at DESC);

-- Lago's invoice credits of item type coupon: what each applied coupon took off an invoice.
CREATE TABLE invoice_credits (
    id                 uuid          PRIMARY KEY,
    organization_id    uuid          NOT NULL,
    invoice_id         uuid          NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    applied_coupon_id  uuid          NOT NULL REFERENCES applied_coupons (id),
    -- the order coupons were applied in on this invoice (Lago's order)
    position           integer       NOT NULL,
    amount_cents       bigint        NOT NULL,
    amount_currency    char(3)       NOT NULL,
    created_at         timestamptz   NOT NULL,
    updated_at         timestamptz   NOT NULL
);
CREATE INDEX invoice_credits_invoice_idx ON invoice_credits (invoice_id);
CREATE INDEX invoice_credits_applied_coupon_idx ON invoice_credits (applied_coupon_id);

-- What an add-on fee bills (Lago's fee item code), and each fee's share of coupon credits.
ALTER TABLE fees ADD COLUMN add_on_code text;
ALTER TABLE fees ADD COLUMN precise_coupons_amount numeric NOT NULL DEFAULT 0;
