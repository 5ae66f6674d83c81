-- Customers (owned here), the plans read model (owned by rating-service, fed by billing.catalog)
-- and subscriptions (owned here). Every row carries its organization; every query filters on it.

CREATE TABLE customers (
    id                        uuid         PRIMARY KEY,
    organization_id           uuid         NOT NULL REFERENCES organizations (id),
    revision                  bigint       NOT NULL,
    external_id               text         NOT NULL,
    sequential_id             bigint       NOT NULL,
    name                      text,
    email                     text,
    currency                  char(3),
    timezone                  text,
    legal_name                text,
    legal_number              text,
    tax_identification_number text,
    address_line1             text,
    address_line2             text,
    city                      text,
    state                     text,
    zipcode                   text,
    country                   char(2),
    payment_provider          varchar(20),
    provider_customer_id      text,
    invoice_grace_period      integer,
    net_payment_term          integer,
    metadata                  jsonb        NOT NULL DEFAULT '[]',
    deleted_at                timestamptz,
    created_at                timestamptz  NOT NULL,
    updated_at                timestamptz  NOT NULL
);
-- one live customer per external id; a deleted one frees its external id
CREATE UNIQUE INDEX customers_external_id_idx ON customers (organization_id, external_id)
    WHERE deleted_at IS NULL;
CREATE INDEX customers_list_idx ON customers (organization_id, created_at, id)
    WHERE deleted_at IS NULL;

-- What invoicing knows of rating-service's plans: enough to validate plan_code and bill the base
-- fee. The whole state of the latest revision; deleted plans are kept (subscriptions refer to them).
CREATE TABLE plans (
    plan_id                        uuid          PRIMARY KEY,
    organization_id                uuid          NOT NULL,
    revision                       bigint        NOT NULL,
    code                           text          NOT NULL,
    name                           text          NOT NULL,
    invoice_display_name           text,
    interval                       varchar(20)   NOT NULL,
    amount_cents                   bigint        NOT NULL,
    amount_currency                char(3)       NOT NULL,
    pay_in_advance                 boolean       NOT NULL,
    trial_period_days              numeric(12,6) NOT NULL,
    bill_charges_monthly           boolean       NOT NULL,
    minimum_commitment_amount_cents bigint,
    charges                        jsonb         NOT NULL,
    deleted                        boolean       NOT NULL,
    source_updated_at              timestamptz,
    created_at                     timestamptz   NOT NULL DEFAULT now(),
    updated_at                     timestamptz   NOT NULL DEFAULT now()
);
CREATE INDEX plans_code_idx ON plans (organization_id, code);

CREATE TABLE subscriptions (
    id                         uuid         PRIMARY KEY,
    organization_id            uuid         NOT NULL REFERENCES organizations (id),
    revision                   bigint       NOT NULL,
    external_id                text         NOT NULL,
    customer_id                uuid         NOT NULL REFERENCES customers (id),
    plan_id                    uuid         NOT NULL REFERENCES plans (plan_id),
    plan_code                  text         NOT NULL,
    name                       text,
    status                     varchar(20)  NOT NULL,
    billing_time               varchar(20)  NOT NULL,
    subscription_at            timestamptz  NOT NULL,
    -- when a pending subscription becomes active: subscription_at, or the period end of a downgrade
    activate_at                timestamptz,
    started_at                 timestamptz,
    trial_ended_at             timestamptz,
    ending_at                  timestamptz,
    terminated_at              timestamptz,
    canceled_at                timestamptz,
    previous_subscription_id   uuid         REFERENCES subscriptions (id) DEFERRABLE INITIALLY DEFERRED,
    next_subscription_id       uuid         REFERENCES subscriptions (id) DEFERRABLE INITIALLY DEFERRED,
    on_termination_invoice     varchar(20)  NOT NULL,
    on_termination_credit_note varchar(20),
    created_at                 timestamptz  NOT NULL,
    updated_at                 timestamptz  NOT NULL
);
-- at most one active and one pending subscription per external id
CREATE UNIQUE INDEX subscriptions_active_idx ON subscriptions (organization_id, external_id)
    WHERE status = 'active';
CREATE UNIQUE INDEX subscriptions_pending_idx ON subscriptions (organization_id, external_id)
    WHERE status = 'pending';
CREATE INDEX subscriptions_external_id_idx ON subscriptions (organization_id, external_id, created_at);
CREATE INDEX subscriptions_customer_idx ON subscriptions (customer_id);
CREATE INDEX subscriptions_due_idx ON subscriptions (activate_at) WHERE status = 'pending';
CREATE INDEX subscriptions_ending_idx ON subscriptions (ending_at) WHERE status = 'active';
