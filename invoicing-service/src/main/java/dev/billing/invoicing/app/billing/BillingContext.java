package dev.billing.invoicing.app.billing;

import dev.billing.invoicing.domain.billing.PlanTerms;
import dev.billing.invoicing.domain.billing.SubscriptionFacts;
import dev.billing.invoicing.domain.billing.Termination;
import dev.billing.invoicing.domain.billing.Trial;
import dev.billing.invoicing.domain.customer.Customer;
import dev.billing.invoicing.domain.organization.Organization;
import dev.billing.invoicing.domain.plan.Plan;
import dev.billing.invoicing.domain.subscription.Subscription;
import dev.billing.invoicing.persistence.BillingPositionRepository.Position;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Everything a subscription's billing reads besides what it already billed.
 *
 * @param subscription the subscription
 * @param plan its plan
 * @param customer its customer
 * @param organization its organization
 * @param position how far it was billed (locked, once in its billing transaction)
 */
record BillingContext(
    Subscription subscription,
    Plan plan,
    Customer customer,
    Organization organization,
    Position position) {

  BillingContext withPosition(Position locked) {
    return new BillingContext(subscription, plan, customer, organization, locked);
  }

  BillingContext withSubscription(Subscription current) {
    return new BillingContext(current, plan, customer, organization, position);
  }

  /** Whether something is due as of {@code asOf}: the next run has come, or it ended since. */
  boolean isDue(Instant asOf) {
    Position p = position;
    Instant terminated = subscription.terminatedAt();
    boolean endedSinceLastRun =
        terminated != null
            && !terminated.isAfter(asOf)
            && (p.lastRunAt() == null || p.lastRunAt().isBefore(terminated));
    return endedSinceLastRun || (p.nextRunAt() != null && !p.nextRunAt().isAfter(asOf));
  }

  /** The subscription as the pure generator sees it. */
  SubscriptionFacts facts() {
    Subscription s = subscription;
    ZoneId zone =
        ZoneId.of(customer.timezone() != null ? customer.timezone() : organization.timezone());
    PlanTerms terms =
        PlanTerms.of(plan.amountCents(), plan.currency(), plan.interval(), plan.payInAdvance())
            .withTrialPeriodDays(plan.trialPeriodDays())
            .withBillChargesMonthly(plan.billChargesMonthly())
            .withMinimumCommitmentCents(plan.minimumCommitmentCents());
    Optional<Instant> trialEnd =
        s.trialEndedAt() != null
            ? Optional.of(s.trialEndedAt())
            : Trial.endOf(s.startedAt(), plan.trialPeriodDays());
    Optional<Termination> termination =
        Optional.ofNullable(s.terminatedAt())
            .map(
                at ->
                    new Termination(
                        at,
                        s.nextId() != null
                            ? Termination.Kind.REPLACED
                            : Termination.Kind.TERMINATED));
    Instant anchor = s.subscriptionAt().isAfter(s.startedAt()) ? s.startedAt() : s.subscriptionAt();
    return new SubscriptionFacts(
        s.id().toString(),
        terms,
        s.billingTime(),
        anchor,
        s.startedAt(),
        trialEnd,
        termination,
        zone);
  }
}
