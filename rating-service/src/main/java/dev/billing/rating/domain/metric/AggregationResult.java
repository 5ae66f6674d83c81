package dev.billing.rating.domain.metric;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * The units of one aggregation, the number of events that made them, and how many events were left
 * out because the aggregated property was missing or not numeric (or, for unique count, had an
 * unknown {@code operation_type}).
 */
public record AggregationResult(BigDecimal value, long eventsCount, long skippedEvents) {

  public AggregationResult {
    Objects.requireNonNull(value, "value");
  }

  public static AggregationResult empty() {
    return new AggregationResult(BigDecimal.ZERO, 0, 0);
  }

  public AggregationResult withValue(BigDecimal newValue) {
    return new AggregationResult(newValue, eventsCount, skippedEvents);
  }
}
