package dev.billing.platform.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Contract of {@code billing.subscriptions} (type {@value #TYPE}, version {@value #VERSION}), keyed
 * by subscription id, published by invoicing-service on every change. The whole current state; a
 * newer revision wins. A plan change makes a new subscription with the same {@code externalId}:
 * usage routes to the one whose [started_at, terminated_at) holds the event's time.
 *
 * @param subscriptionId the subscription's lago_id
 * @param organizationId the tenant
 * @param revision increases with every change
 * @param externalId the client's id, which events carry as external_subscription_id
 * @param customerId the customer's lago_id
 * @param externalCustomerId the customer's external id
 * @param planCode the plan (rating-service owns plans)
 * @param status pending, active, terminated or canceled
 * @param billingTime calendar or anniversary
 * @param subscriptionAt the anniversary anchor (kept across plan changes)
 * @param startedAt when this subscription started billing, or null while pending
 * @param endingAt planned termination, or null
 * @param terminatedAt when it ended, or null
 * @param timezone the zone its periods are computed in (customer's, else organization's)
 * @param previousSubscriptionId the subscription this one replaced (plan change), or null
 * @param updatedAt when this revision was made
 */
public record SubscriptionMessage(
    UUID subscriptionId,
    UUID organizationId,
    long revision,
    String externalId,
    UUID customerId,
    String externalCustomerId,
    String planCode,
    String status,
    String billingTime,
    Instant subscriptionAt,
    Instant startedAt,
    Instant endingAt,
    Instant terminatedAt,
    String timezone,
    UUID previousSubscriptionId,
    Instant updatedAt) {

  public static final String TYPE = "subscription.updated";
  public static final int VERSION = 1;
  public static final String AGGREGATE_TYPE = "subscriptions";
}
