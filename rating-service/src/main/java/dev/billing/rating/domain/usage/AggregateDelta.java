package dev.billing.rating.domain.usage;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * What a batch of events adds to one aggregate row. Every part merges with what is stored without
 * reading events again: sums add, max and latest compare, and a weighted sum's area is each delta ×
 * the seconds it lasts until the period ends (so order does not matter).
 */
public final class AggregateDelta {

  private long eventsCount;
  private BigDecimal units = BigDecimal.ZERO;
  private BigDecimal max;
  private BigDecimal latestValue;
  private Instant latestAt;
  private BigDecimal weightedArea = BigDecimal.ZERO;
  private BigDecimal preciseTotalAmountCents = BigDecimal.ZERO;

  public void add(Contribution c) {
    eventsCount++;
    if (c.preciseTotalAmountCents() != null) {
      preciseTotalAmountCents = preciseTotalAmountCents.add(c.preciseTotalAmountCents());
    }
    switch (c.type()) {
      case COUNT_AGG, SUM_AGG -> units = units.add(c.value());
      case MAX_AGG -> max = max == null || c.value().compareTo(max) > 0 ? c.value() : max;
      case LATEST_AGG -> {
        if (latestAt == null || !c.at().isBefore(latestAt)) {
          latestAt = c.at();
          latestValue = c.value();
        }
      }
      case WEIGHTED_SUM_AGG -> {
        units = units.add(c.value());
        long lasts = Duration.between(c.at(), c.key().period().end()).toSeconds();
        weightedArea = weightedArea.add(c.value().multiply(BigDecimal.valueOf(Math.max(0, lasts))));
      }
      case UNIQUE_COUNT_AGG -> {
        // the distinct values are kept apart; only the event count is here
      }
    }
  }

  public long eventsCount() {
    return eventsCount;
  }

  public BigDecimal units() {
    return units;
  }

  public BigDecimal max() {
    return max;
  }

  public BigDecimal latestValue() {
    return latestValue;
  }

  public Instant latestAt() {
    return latestAt;
  }

  public BigDecimal weightedArea() {
    return weightedArea;
  }

  public BigDecimal preciseTotalAmountCents() {
    return preciseTotalAmountCents;
  }
}
