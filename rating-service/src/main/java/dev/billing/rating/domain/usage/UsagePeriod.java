package dev.billing.rating.domain.usage;

import java.time.Duration;
import java.time.Instant;

/**
 * A usage period [start, end): local midnights in the subscription's zone. {@code start} keys the
 * period's aggregates.
 *
 * @param start first instant
 * @param end first instant after it
 */
public record UsagePeriod(Instant start, Instant end) {

  public boolean contains(Instant at) {
    return !at.isBefore(start) && at.isBefore(end);
  }

  public long seconds() {
    return Duration.between(start, end).toSeconds();
  }
}
