-- Invoices, their fees, and how far each subscription has been billed.

CREATE TABLE invoices (
    id                                      uuid         PRIMARY KEY,
    organization_id                         uuid         NOT NULL REFERENCES organizations (id),
    customer_id                             uuid         NOT NULL REFERENCES customers (id),
    -- set at finalization: the customer's and the organization's running numbers
    sequential_id                           bigint,
    organization_sequential_id              bigint,
    number                                  text         NOT NULL,
    invoice_type                            varchar(20)  NOT NULL,
    status                                  varchar(20)  NOT NULL,
    payment_status                          varchar(20)  NOT NULL,
    currency                                char(3)      NOT NULL,
    issuing_date                            date         NOT NULL,
    payment_due_date                        date         NOT NULL,
    net_payment_term                        integer      NOT NULL,
    grace_period_ends_at                    timestamptz,
    fees_amount_cents                       bigint       NOT NULL,
    coupons_amount_cents                    bigint       NOT NULL,
    progressive_billing_credit_amount_cents bigint       NOT NULL,
    sub_total_excluding_taxes_amount_cents  bigint       NOT NULL,
    taxes_amount_cents                      bigint       NOT NULL,
    sub_total_including_taxes_amount_cents  bigint       NOT NULL,
    credit_notes_amount_cents               bigint       NOT NULL,
    prepaid_credit_amount_cents             bigint       NOT NULL,
    total_amount_cents                      bigint       NOT NULL,
    -- the instant the billing run billed up to (a period boundary, a termination)
    billed_as_of                            timestamptz  NOT NULL,
    finalized_at                            timestamptz,
    voided_at                               timestamptz,
    created_at                              timestamptz  NOT NULL,
    updated_at                              timestamptz  NOT NULL
);
CREATE INDEX invoices_list_idx ON invoices (organization_id, created_at DESC, id);
CREATE INDEX invoices_customer_idx ON invoices (customer_id);
CREATE INDEX invoices_drafts_idx ON invoices (grace_period_ends_at) WHERE status = 'draft';

CREATE TABLE invoice_subscriptions (
    invoice_id        uuid         NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    subscription_id   uuid         NOT NULL REFERENCES subscriptions (id),
    organization_id   uuid         NOT NULL,
    invoicing_reason  varchar(40)  NOT NULL,
    charges_from      timestamptz,
    charges_to        timestamptz,
    PRIMARY KEY (invoice_id, subscription_id)
);
CREATE INDEX invoice_subscriptions_subscription_idx ON invoice_subscriptions (subscription_id);

CREATE TABLE fees (
    id                   uuid          PRIMARY KEY,
    organization_id      uuid          NOT NULL,
    invoice_id           uuid          NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    subscription_id      uuid          REFERENCES subscriptions (id),
    fee_type             varchar(20)   NOT NULL,
    -- what is billed (FeeLine.key): the same key on a later invoice is a correction of it
    fee_key              text          NOT NULL,
    charge_id            uuid,
    charge_filter_id     text,
    grouped_by           jsonb         NOT NULL DEFAULT '{}',
    billable_metric_code text,
    invoice_display_name text,
    description          text          NOT NULL,
    units                numeric       NOT NULL,
    events_count         bigint        NOT NULL DEFAULT 0,
    amount_cents         bigint        NOT NULL,
    precise_amount       numeric       NOT NULL,
    currency             char(3)       NOT NULL,
    period_from          date,
    period_to            date,
    created_at           timestamptz   NOT NULL
);
CREATE INDEX fees_invoice_idx ON fees (invoice_id);
CREATE INDEX fees_subscription_idx ON fees (subscription_id);

-- Per subscription: the end of the last usage period billed, and when it is next due.
CREATE TABLE billing_positions (
    subscription_id   uuid         PRIMARY KEY REFERENCES subscriptions (id),
    organization_id   uuid         NOT NULL,
    charges_billed_to date,
    -- null once everything is billed (a terminated subscription)
    next_run_at       timestamptz,
    last_run_at       timestamptz,
    updated_at        timestamptz  NOT NULL
);
CREATE INDEX billing_positions_due_idx ON billing_positions (next_run_at);
