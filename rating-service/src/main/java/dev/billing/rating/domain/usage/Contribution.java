package dev.billing.rating.domain.usage;

import dev.billing.rating.domain.metric.AggregationType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * What one event adds to one charge's usage in one period, filter bucket and group.
 *
 * @param key the aggregate it goes to
 * @param type how the charge's metric aggregates
 * @param value the event's aggregated value (1 for count_agg; the property for sum, max, latest,
 *     weighted_sum), or null for unique_count
 * @param uniqueValue for unique_count: the distinct value, else null
 * @param uniqueAdd for unique_count: an add (true) or a remove (false)
 * @param at the event time
 * @param preciseTotalAmountCents the event's precise_total_amount_cents, or zero
 */
public record Contribution(
    AggregateKey key,
    AggregationType type,
    BigDecimal value,
    String uniqueValue,
    boolean uniqueAdd,
    Instant at,
    BigDecimal preciseTotalAmountCents) {

  /**
   * The identity of an aggregate row.
   *
   * @param subscriptionId the subscription
   * @param chargeId the charge
   * @param filterId the matched charge filter, or {@link #DEFAULT_FILTER}
   * @param groupKey canonical JSON of the pricing group values, or "" without groups
   * @param period the usage period
   */
  public record AggregateKey(
      UUID subscriptionId, UUID chargeId, UUID filterId, String groupKey, UsagePeriod period) {}

  /** The bucket of events that match none of the charge's filters. */
  public static final UUID DEFAULT_FILTER = new UUID(0, 0);
}
