package dev.billing.invoicing.domain.invoice;

import dev.billing.invoicing.domain.billing.ActivePeriod;
import dev.billing.invoicing.domain.billing.PlanTerms;
import dev.billing.invoicing.domain.billing.Proration;
import dev.billing.invoicing.domain.billing.SubscriptionFacts;
import dev.billing.invoicing.domain.billing.SubscriptionTimeline;
import dev.billing.platform.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Lago's minimum-commitment true-up: once a plan period has closed, if its subscription and charge
 * fees are below the commitment (prorated by active days for a partial period), a {@code
 * commitment} fee bills the difference.
 */
public final class CommitmentTrueUp {

  private CommitmentTrueUp() {}

  /**
   * The true-up lines of the closed periods as of {@code asOf}.
   *
   * @param periodFees every fee of the subscription by key: what was billed, replaced by what is
   *     now expected
   */
  public static List<FeeLine> dueLines(SubscriptionFacts sub, Instant asOf, FeeLedger periodFees) {
    List<FeeLine> lines = new ArrayList<>();
    PlanTerms terms = sub.terms();
    if (terms.minimumCommitmentCents() == null || asOf.isBefore(sub.startedAt())) {
      return lines;
    }
    for (ActivePeriod period :
        SubscriptionTimeline.periodsStartingBy(sub, asOf.atZone(sub.zone()).toLocalDate())) {
      if (period.closesAt().isAfter(asOf)) {
        continue;
      }
      BigDecimal commitment =
          Proration.preciseAmount(
              terms.minimumCommitmentCents(), terms.currency(), period.active());
      Money fees = periodFees.sum(feesOf(sub, period)).orElse(Money.zero(terms.currency()));
      BigDecimal shortfall = commitment.subtract(fees.amount());
      boolean billedBefore =
          periodFees.get(FeeLine.commitmentKey(sub.id(), period.full().fromDate())).isPresent();
      Money due = Money.roundedFrom(shortfall, terms.currency());
      if (due.isNegative() || due.isZero()) {
        if (billedBefore) {
          lines.add(line(sub, period, BigDecimal.ZERO));
        }
        continue;
      }
      lines.add(line(sub, period, shortfall));
    }
    return lines;
  }

  private static FeeLine line(SubscriptionFacts sub, ActivePeriod period, BigDecimal precise) {
    return FeeLine.commitment(
        sub.id(), period.full(), period.active(), precise, sub.terms().currency());
  }

  private static Predicate<FeeLine> feesOf(SubscriptionFacts sub, ActivePeriod period) {
    String subscriptionKey = FeeLine.subscriptionKey(sub.id(), period.full().fromDate());
    return line ->
        line.key().equals(subscriptionKey)
            || (line.type() == FeeType.CHARGE
                && line.periodFrom() != null
                && period.full().contains(line.periodFrom()));
  }
}
