-- The last subscription status a webhook was sent for, so that a status change is announced once
-- (subscription.started, subscription.terminated, subscription.canceled) and other changes as
-- subscription.updated.
CREATE TABLE subscription_webhook_states (
    subscription_id uuid        PRIMARY KEY,
    status          varchar(20) NOT NULL,
    revision        bigint      NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now()
);
