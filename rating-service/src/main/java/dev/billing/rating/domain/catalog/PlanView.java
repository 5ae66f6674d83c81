package dev.billing.rating.domain.catalog;

import java.util.Map;
import java.util.UUID;

/**
 * A plan and the codes of the metrics its charges price.
 *
 * @param plan the plan
 * @param metricCodes metric code by metric id
 * @param deleted whether the plan is deleted
 */
public record PlanView(Plan plan, Map<UUID, String> metricCodes, boolean deleted) {}
