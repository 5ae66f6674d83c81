package dev.billing.rating.domain.catalog;

import dev.billing.rating.domain.metric.BillableMetricDefinition;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored billable metric of an organization.
 *
 * @param id its lago_id
 * @param organizationId the tenant
 * @param definition what it aggregates and how
 * @param createdAt creation instant
 */
public record BillableMetric(
    UUID id, UUID organizationId, BillableMetricDefinition definition, Instant createdAt) {

  public String code() {
    return definition.code();
  }
}
