-- Catalog edits that change how past usage of the current period is priced or bucketed: the
-- metering side rebuilds the affected aggregates from the event ledger.
CREATE TABLE rerate_requests (
    id                 uuid        PRIMARY KEY,
    organization_id    uuid        NOT NULL,
    plan_id            uuid,
    billable_metric_id uuid,
    requested_at       timestamptz NOT NULL,
    done_at            timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rerate_requests_pending_idx ON rerate_requests (requested_at) WHERE done_at IS NULL;
