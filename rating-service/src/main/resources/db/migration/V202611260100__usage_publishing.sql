-- Subscriptions the usage publisher has taken from usage_dirty and not yet published. Claiming is
-- one short statement (move the rows here), so a metering batch that marks a subscription dirty
-- never waits for a publication in progress; a crash mid-publication leaves the rows here for the
-- next round.
CREATE TABLE usage_publishing (
    subscription_id uuid        PRIMARY KEY,
    organization_id uuid        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
