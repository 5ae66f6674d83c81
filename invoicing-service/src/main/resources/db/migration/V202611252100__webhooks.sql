-- Webhooks: the endpoints an organization registers, one delivery row per endpoint and webhook
-- (written in the transaction of the business change that emits it), and the instance's RSA key.

-- Lago's per-organization HMAC key: a random UUID as text, used as the UTF-8 bytes of the key.
ALTER TABLE organizations ADD COLUMN hmac_key text NOT NULL DEFAULT gen_random_uuid()::text;

CREATE TABLE webhook_endpoints (
    id              uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL REFERENCES organizations (id),
    webhook_url     text        NOT NULL,
    signature_algo  varchar(8)  NOT NULL CHECK (signature_algo IN ('jwt', 'hmac')),
    name            text,
    event_types     text[],
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    UNIQUE (organization_id, webhook_url)
);

-- One row per (webhook, endpoint). The id is the X-Lago-Unique-Key of every attempt. A pending
-- row is due at next_attempt_at; claiming it moves next_attempt_at forward by a lease, so a
-- replica that dies mid-send leaves it to be retried by another once the lease is over.
CREATE TABLE webhooks (
    id                  uuid        PRIMARY KEY,
    organization_id     uuid        NOT NULL REFERENCES organizations (id),
    webhook_endpoint_id uuid        NOT NULL REFERENCES webhook_endpoints (id) ON DELETE CASCADE,
    webhook_type        text        NOT NULL,
    object_type         text        NOT NULL,
    object_id           text,
    payload             text        NOT NULL,
    status              varchar(10) NOT NULL CHECK (status IN ('pending', 'succeeded', 'failed')),
    attempts            integer     NOT NULL,
    next_attempt_at     timestamptz,
    last_attempt_at     timestamptz,
    last_http_status    integer,
    last_error          text,
    endpoint_url        text        NOT NULL,
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);
CREATE INDEX webhooks_due_idx ON webhooks (webhook_endpoint_id, next_attempt_at)
    WHERE status = 'pending';
CREATE INDEX webhooks_organization_idx ON webhooks (organization_id, created_at DESC);

-- The instance's RSA key pair for JWT signatures when none is configured: generated once by the
-- first replica that needs it, so every replica signs with the same key. A system row, not a
-- tenant's: it has no organization_id.
CREATE TABLE webhook_signing_keys (
    id              smallint    PRIMARY KEY CHECK (id = 1),
    private_key_pem text        NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);
