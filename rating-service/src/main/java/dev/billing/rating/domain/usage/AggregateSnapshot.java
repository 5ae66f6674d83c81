package dev.billing.rating.domain.usage;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A stored aggregate row, as pricing reads it.
 *
 * @param chargeId the charge
 * @param filterId the filter bucket ({@link Contribution#DEFAULT_FILTER} for the default)
 * @param groupKey canonical JSON of the group values, or ""
 * @param periodStart the usage period it belongs to
 * @param eventsCount events in it
 * @param units sum (count and sum), or the sum of deltas (weighted sum)
 * @param max the largest value (max_agg), or null
 * @param latestValue the value of the latest event (latest_agg), or null
 * @param latestAt when that event happened, or null
 * @param weightedArea Σ delta × seconds to period end (weighted sum)
 * @param preciseTotalAmountCents Σ precise_total_amount_cents (dynamic)
 * @param uniqueCount distinct values present (unique_count_agg)
 */
public record AggregateSnapshot(
    UUID chargeId,
    UUID filterId,
    String groupKey,
    Instant periodStart,
    long eventsCount,
    BigDecimal units,
    BigDecimal max,
    BigDecimal latestValue,
    Instant latestAt,
    BigDecimal weightedArea,
    BigDecimal preciseTotalAmountCents,
    long uniqueCount) {

  /** A row with no events yet, for a bucket the period has not seen. */
  public static AggregateSnapshot empty(
      UUID chargeId, UUID filterId, String groupKey, Instant periodStart) {
    return new AggregateSnapshot(
        chargeId,
        filterId,
        groupKey,
        periodStart,
        0,
        BigDecimal.ZERO,
        null,
        null,
        null,
        BigDecimal.ZERO,
        BigDecimal.ZERO,
        0);
  }

  /**
   * This row as it would be with one more event, merged the way stored rows are.
   *
   * @param uniqueCountChange for unique_count: +1 when the event adds a value not yet present, -1
   *     when it removes a present one, else 0
   */
  public AggregateSnapshot with(Contribution event, int uniqueCountChange) {
    AggregateDelta delta = new AggregateDelta();
    delta.add(event);
    BigDecimal newMax = max;
    if (delta.max() != null && (max == null || delta.max().compareTo(max) > 0)) {
      newMax = delta.max();
    }
    boolean newer =
        delta.latestAt() != null && (latestAt == null || !delta.latestAt().isBefore(latestAt));
    return new AggregateSnapshot(
        chargeId,
        filterId,
        groupKey,
        periodStart,
        eventsCount + delta.eventsCount(),
        units.add(delta.units()),
        newMax,
        newer ? delta.latestValue() : latestValue,
        newer ? delta.latestAt() : latestAt,
        weightedArea.add(delta.weightedArea()),
        preciseTotalAmountCents.add(delta.preciseTotalAmountCents()),
        uniqueCount + uniqueCountChange);
  }
}
