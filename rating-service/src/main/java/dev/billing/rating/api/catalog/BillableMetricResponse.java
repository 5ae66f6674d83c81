package dev.billing.rating.api.catalog;

/**
 * Lago's {@code {"billable_metric": {...}}}.
 *
 * @param billableMetric the object
 */
public record BillableMetricResponse(BillableMetricJson billableMetric) {}
