package dev.billing.rating.domain.usage;

import dev.billing.platform.billing.BillingPeriod;
import dev.billing.platform.billing.BillingPeriods;
import dev.billing.platform.billing.BillingTime;
import dev.billing.platform.billing.PlanInterval;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * What metering knows of a subscription (from billing.subscriptions): which events it bills and in
 * which period.
 *
 * @param id its lago_id
 * @param organizationId the tenant
 * @param externalId what events carry as external_subscription_id
 * @param customerId the customer's lago_id
 * @param externalCustomerId the customer's external id
 * @param planCode its plan
 * @param status pending, active, terminated or canceled
 * @param billingTime calendar or anniversary
 * @param subscriptionAt the anniversary anchor
 * @param startedAt start of billing, or null while pending
 * @param terminatedAt end, or null
 * @param zone the zone periods are computed in
 */
public record SubscriptionTerms(
    UUID id,
    UUID organizationId,
    String externalId,
    UUID customerId,
    String externalCustomerId,
    String planCode,
    String status,
    BillingTime billingTime,
    Instant subscriptionAt,
    Instant startedAt,
    Instant terminatedAt,
    ZoneId zone) {

  /** Whether an event at {@code at} bills to this subscription: [started_at, terminated_at]. */
  public boolean covers(Instant at) {
    return startedAt != null
        && !at.isBefore(startedAt)
        && (terminatedAt == null || !at.isAfter(terminatedAt));
  }

  /** The usage period holding {@code at}, for a plan of this interval. */
  public UsagePeriod chargesPeriodAt(Instant at, PlanInterval interval, boolean chargesMonthly) {
    LocalDate anchor = BillingPeriods.localDate(subscriptionAt, zone);
    LocalDate day = BillingPeriods.localDate(at, zone);
    if (day.isBefore(anchor)) {
      day = anchor;
    }
    BillingPeriod period =
        BillingPeriods.chargesPeriodContaining(interval, chargesMonthly, billingTime, anchor, day);
    return new UsagePeriod(period.from(zone), period.to(zone));
  }
}
