-- Outbox: a service writes its state change and a row here in one transaction; the Debezium relay
-- streams inserts from the WAL to Kafka (topic billing.<aggregatetype>, key aggregateid, header id).
CREATE TABLE outbox (
    id              uuid         PRIMARY KEY,
    organization_id uuid,
    aggregatetype   varchar(64)  NOT NULL,
    aggregateid     varchar(255) NOT NULL,
    type            varchar(128) NOT NULL,
    schema_version  integer      NOT NULL,
    payload         text         NOT NULL,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX outbox_created_at_idx ON outbox (created_at);

-- Idempotent consumers: a message id recorded in the same transaction as the work it caused.
CREATE TABLE processed_messages (
    consumer        varchar(128) NOT NULL,
    message_id      varchar(255) NOT NULL,
    organization_id uuid,
    created_at      timestamptz  NOT NULL DEFAULT now(),
    updated_at      timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);
CREATE INDEX processed_messages_created_at_idx ON processed_messages (created_at);

-- Read model of organizations, fed by billing.organizations: what a service needs to authenticate
-- API keys and to know an organization's settings, without a network hop per request.
CREATE TABLE organization_read_model (
    organization_id  uuid        PRIMARY KEY,
    revision         bigint      NOT NULL,
    name             text        NOT NULL,
    timezone         text        NOT NULL,
    default_currency char(3)     NOT NULL,
    settings         jsonb       NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE api_key_read_model (
    key_hash        char(64)    PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organization_read_model (organization_id) ON DELETE CASCADE,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX api_key_read_model_org_idx ON api_key_read_model (organization_id);
