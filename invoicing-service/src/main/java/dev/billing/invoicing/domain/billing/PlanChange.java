package dev.billing.invoicing.domain.billing;

import dev.billing.platform.billing.BillingPeriods;
import java.time.Instant;
import java.util.Optional;

/**
 * A plan change on one subscription line (Lago: {@code POST /subscriptions} with the same {@code
 * external_id} and a new plan).
 *
 * @param previous the current subscription, now replaced at {@code effectiveAt}
 * @param next the new subscription, starting at {@code effectiveAt}
 * @param effectiveAt now for an upgrade, the next period boundary for a downgrade
 * @param upgrade whether the change was an upgrade
 */
public record PlanChange(
    SubscriptionFacts previous, SubscriptionFacts next, Instant effectiveAt, boolean upgrade) {

  /** An upgrade when the new plan costs at least as much per year as the current one. */
  public static boolean isUpgrade(PlanTerms current, PlanTerms next) {
    return next.yearlyAmountCents() >= current.yearlyAmountCents();
  }

  /**
   * Changes {@code current} to {@code nextTerms}, requested at {@code at}. An upgrade is immediate
   * and the change day goes to the new plan; a downgrade waits for the end of the current period,
   * so the old plan is billed fully. The new subscription keeps {@code subscription_at} and the
   * billing time, and gets no trial.
   */
  public static PlanChange of(
      SubscriptionFacts current, String nextId, PlanTerms nextTerms, Instant at) {
    boolean upgrade = isUpgrade(current.terms(), nextTerms);
    Instant effective =
        upgrade
            ? at
            : BillingPeriods.nextBoundaryAfter(
                current.terms().interval(),
                current.billingTime(),
                current.subscriptionAt(),
                at,
                current.zone());
    SubscriptionFacts next =
        new SubscriptionFacts(
            nextId,
            nextTerms,
            current.billingTime(),
            current.subscriptionAt(),
            effective,
            Optional.empty(),
            Optional.empty(),
            current.zone());
    return new PlanChange(current.replacedAt(effective), next, effective, upgrade);
  }
}
