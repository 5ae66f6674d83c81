package dev.billing.platform.contracts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Contract of {@code billing.usage.rated} (type {@value #TYPE}, version {@value #VERSION}), keyed
 * by subscription id: a subscription's priced usage in its current period, published by
 * rating-service a few seconds after it changes (coalesced, not per event). The latest message is
 * the current state.
 *
 * @param subscriptionId the subscription
 * @param organizationId the tenant
 * @param externalSubscriptionId its external id
 * @param externalCustomerId its customer's external id
 * @param periodFrom start of the usage period
 * @param periodTo end of the usage period
 * @param currency ISO 4217
 * @param amountCents usage amount so far in the period (no taxes)
 * @param charges per charge
 * @param computedAt when it was priced
 */
public record UsageRatedMessage(
    UUID subscriptionId,
    UUID organizationId,
    String externalSubscriptionId,
    String externalCustomerId,
    Instant periodFrom,
    Instant periodTo,
    String currency,
    long amountCents,
    List<ChargeAmount> charges,
    Instant computedAt) {

  public static final String TYPE = "usage.rated";
  public static final int VERSION = 1;
  public static final String AGGREGATE_TYPE = "usage.rated";

  /**
   * One charge's usage.
   *
   * @param chargeId the charge
   * @param billableMetricCode its metric
   * @param units units
   * @param eventsCount events
   * @param amountCents amount so far
   */
  public record ChargeAmount(
      UUID chargeId, String billableMetricCode, String units, long eventsCount, long amountCents) {}
}
