-- Organizations (tenants) and their API keys. An organization row is its own tenant: id is the
-- organization id. Keys are kept only as SHA-256 hashes.
CREATE TABLE organizations (
    id                           uuid         PRIMARY KEY,
    revision                     bigint       NOT NULL,
    name                         text         NOT NULL,
    timezone                     text         NOT NULL,
    default_currency             char(3)      NOT NULL,
    document_number_prefix       varchar(10)  NOT NULL,
    document_numbering           varchar(20)  NOT NULL,
    net_payment_term             integer      NOT NULL,
    invoice_grace_period         integer      NOT NULL,
    webhook_url                  text,
    email                        text,
    legal_name                   text,
    legal_number                 text,
    tax_identification_number    text,
    address_line1                text,
    address_line2                text,
    city                         text,
    state                        text,
    zipcode                      text,
    country                      char(2),
    invoice_footer               text,
    document_locale              varchar(10)  NOT NULL,
    finalize_zero_amount_invoice boolean      NOT NULL,
    email_settings               text[]       NOT NULL,
    created_at                   timestamptz  NOT NULL,
    updated_at                   timestamptz  NOT NULL
);

CREATE TABLE api_keys (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organizations (id),
    key_hash        char(64)    NOT NULL UNIQUE,
    key_preview     varchar(16) NOT NULL,
    revoked_at      timestamptz,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
CREATE INDEX api_keys_active_idx ON api_keys (organization_id) WHERE revoked_at IS NULL;
