package dev.billing.invoicing.domain.invoice;

import dev.billing.invoicing.domain.billing.SubscriptionFacts;
import dev.billing.platform.billing.BillingPeriods;
import dev.billing.platform.billing.PlanInterval;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * When a subscription has something to bill next, after a run as of an instant: its next plan or
 * usage period boundary, the end of its trial (a base fee in advance starts then), its start if
 * still ahead, or its termination. Nothing after a termination that was billed.
 */
public final class NextBillingRun {

  private NextBillingRun() {}

  public static Optional<Instant> after(SubscriptionFacts sub, Instant asOf) {
    Optional<Instant> terminated = sub.termination().map(t -> t.at());
    if (terminated.isPresent() && !terminated.get().isAfter(asOf)) {
      return Optional.empty();
    }
    if (sub.startedAt().isAfter(asOf)) {
      return Optional.of(sub.startedAt());
    }
    PlanInterval charges =
        BillingPeriods.chargesInterval(sub.terms().interval(), sub.terms().billChargesMonthly());
    return Stream.of(
            Optional.of(boundaryAfter(sub, sub.terms().interval(), asOf)),
            Optional.of(boundaryAfter(sub, charges, asOf)),
            sub.trialEndsAt().filter(end -> end.isAfter(asOf)),
            terminated)
        .flatMap(Optional::stream)
        .min(Instant::compareTo);
  }

  private static Instant boundaryAfter(SubscriptionFacts sub, PlanInterval interval, Instant at) {
    return BillingPeriods.nextBoundaryAfter(
        interval, sub.billingTime(), sub.subscriptionAt(), at, sub.zone());
  }
}
