package dev.billing.invoicing.persistence;

import dev.billing.invoicing.domain.subscription.Subscription;
import dev.billing.platform.billing.PlanInterval;
import java.time.Instant;

/**
 * A subscription with what its API object shows from around it.
 *
 * @param subscription the subscription
 * @param externalCustomerId its customer's external id
 * @param planAmountCents the plan's base fee
 * @param planCurrency the plan's currency
 * @param planInterval the plan's interval
 * @param timezone the zone its periods are counted in (customer's, else organization's)
 * @param previousPlanCode the plan of the subscription it replaced, or null
 * @param nextPlanCode the plan of the subscription that replaces it, or null
 * @param nextActivateAt when a pending replacement starts, or null
 */
public record SubscriptionView(
    Subscription subscription,
    String externalCustomerId,
    long planAmountCents,
    String planCurrency,
    PlanInterval planInterval,
    String timezone,
    String previousPlanCode,
    String nextPlanCode,
    Instant nextActivateAt) {}
