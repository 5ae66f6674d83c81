package dev.billing.invoicing.domain.subscription;

import dev.billing.platform.billing.BillingTime;
import java.time.Instant;

/**
 * A validated {@code POST /subscriptions}.
 *
 * @param externalId the client's id of the subscription line
 * @param name label, or null
 * @param billingTime calendar or anniversary
 * @param subscriptionAt requested start, or null for now
 * @param endingAt planned termination, or null
 */
public record CreateRequest(
    String externalId,
    String name,
    BillingTime billingTime,
    Instant subscriptionAt,
    Instant endingAt) {}
