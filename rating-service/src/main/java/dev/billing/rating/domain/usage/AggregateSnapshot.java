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
    long uniqueCount) {}
