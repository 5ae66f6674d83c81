package dev.billing.rating.domain.catalog;

/**
 * A metric and the number of live plans pricing it.
 *
 * @param metric the metric
 * @param plansCount live plans with a charge on it
 */
public record MetricView(BillableMetric metric, long plansCount) {}
