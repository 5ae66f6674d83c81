package dev.billing.rating.domain.usage;

import dev.billing.rating.domain.metric.BillableMetricDefinition;
import dev.billing.rating.domain.metric.UnitsRounding;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * A bucket's aggregated units from its stored aggregate (and, for recurring metrics, the buckets of
 * earlier periods), then the metric's rounding.
 */
final class UnitsOfBucket {

  private UnitsOfBucket() {}

  static BigDecimal units(
      BillableMetricDefinition metric,
      AggregateSnapshot current,
      List<AggregateSnapshot> earlier,
      UsagePeriod period) {
    BigDecimal carried =
        metric.recurring()
            ? earlier.stream()
                .map(AggregateSnapshot::units)
                .reduce(BigDecimal.ZERO, BigDecimal::add)
            : BigDecimal.ZERO;
    BigDecimal raw =
        switch (metric.aggregationType()) {
          case COUNT_AGG -> current == null ? BigDecimal.ZERO : current.units();
          case SUM_AGG -> carried.add(current == null ? BigDecimal.ZERO : current.units());
          case MAX_AGG ->
              current == null || current.max() == null ? BigDecimal.ZERO : current.max();
          case LATEST_AGG ->
              current == null || current.latestValue() == null
                  ? BigDecimal.ZERO
                  : current.latestValue().max(BigDecimal.ZERO);
          case UNIQUE_COUNT_AGG -> BigDecimal.valueOf(current == null ? 0 : current.uniqueCount());
          case WEIGHTED_SUM_AGG -> weightedAverage(carried, current, period);
        };
    return UnitsRounding.apply(raw, metric.roundingFunction(), metric.roundingPrecision());
  }

  /** (carried total × period seconds + Σ delta × seconds it lasted) ÷ period seconds. */
  private static BigDecimal weightedAverage(
      BigDecimal carried, AggregateSnapshot current, UsagePeriod period) {
    BigDecimal seconds = BigDecimal.valueOf(period.seconds());
    BigDecimal area = carried.multiply(seconds);
    if (current != null) {
      area = area.add(current.weightedArea());
    }
    return area.divide(seconds, MathContext.DECIMAL128).stripTrailingZeros();
  }
}
