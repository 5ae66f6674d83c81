package dev.billing.rating.domain.metric;

import java.util.Optional;

/** How a billable metric turns events into units, by Lago's wire names. */
public enum AggregationType {
  COUNT_AGG("count_agg"),
  SUM_AGG("sum_agg"),
  MAX_AGG("max_agg"),
  UNIQUE_COUNT_AGG("unique_count_agg"),
  LATEST_AGG("latest_agg"),
  WEIGHTED_SUM_AGG("weighted_sum_agg");

  private final String wireName;

  AggregationType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The type for a wire name; empty for unknown names (including Lago's premium custom_agg). */
  public static Optional<AggregationType> fromWire(String wireName) {
    for (AggregationType type : values()) {
      if (type.wireName.equals(wireName)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** Every type but count_agg aggregates one event property ({@code field_name}). */
  public boolean requiresFieldName() {
    return this != COUNT_AGG;
  }

  /** {@code recurring: true} is not compatible with count, max and latest. */
  public boolean supportsRecurring() {
    return this != COUNT_AGG && this != MAX_AGG && this != LATEST_AGG;
  }

  /** Lago's AGGREGATION_TYPES_PAYABLE_IN_ADVANCE: count, sum and unique count. */
  public boolean payableInAdvance() {
    return this == COUNT_AGG || this == SUM_AGG || this == UNIQUE_COUNT_AGG;
  }
}
