package dev.billing.ingest.domain.event;

/**
 * Bounds on one event.
 *
 * @param maxIdLength longest transaction_id, code or external_subscription_id
 * @param maxPropertyLength longest string value of a property
 * @param maxProperties most properties on one event
 */
public record EventLimits(int maxIdLength, int maxPropertyLength, int maxProperties) {}
