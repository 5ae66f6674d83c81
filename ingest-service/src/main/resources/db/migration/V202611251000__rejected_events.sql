-- Messages of billing.events.inbound that could not be accepted, for operators to inspect and replay.
CREATE TABLE rejected_events (
    id                 uuid         PRIMARY KEY,
    organization_id    uuid,
    source             varchar(16)  NOT NULL,
    reason             varchar(64)  NOT NULL,
    error_details      jsonb        NOT NULL,
    payload            text,
    original_topic     varchar(255) NOT NULL,
    original_partition integer      NOT NULL,
    original_offset    bigint       NOT NULL,
    rejected_at        timestamptz  NOT NULL,
    replayed_at        timestamptz,
    created_at         timestamptz  NOT NULL DEFAULT now(),
    updated_at         timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX rejected_events_org_reason_idx ON rejected_events (organization_id, reason, rejected_at DESC);
