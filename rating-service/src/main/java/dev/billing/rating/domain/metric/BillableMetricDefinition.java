package dev.billing.rating.domain.metric;

import java.util.List;
import java.util.Objects;

/**
 * A validated billable metric (Lago's {@code billable_metric}). {@code fieldName} is null for
 * count_agg; {@code weightedInterval} is "seconds" for weighted_sum_agg and null otherwise; {@code
 * roundingFunction}, {@code roundingPrecision}, {@code description} and {@code expression} are null
 * when not set.
 */
public record BillableMetricDefinition(
    String name,
    String code,
    String description,
    AggregationType aggregationType,
    String fieldName,
    boolean recurring,
    String weightedInterval,
    RoundingFunction roundingFunction,
    Integer roundingPrecision,
    List<MetricFilter> filters,
    String expression) {

  public BillableMetricDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(aggregationType, "aggregationType");
    filters = filters == null ? List.of() : List.copyOf(filters);
  }
}
