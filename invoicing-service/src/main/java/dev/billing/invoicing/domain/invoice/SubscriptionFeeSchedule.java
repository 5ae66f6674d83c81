package dev.billing.invoicing.domain.invoice;

import dev.billing.invoicing.domain.billing.ActivePeriod;
import dev.billing.invoicing.domain.billing.PlanTerms;
import dev.billing.invoicing.domain.billing.Proration;
import dev.billing.invoicing.domain.billing.SubscriptionFacts;
import dev.billing.invoicing.domain.billing.SubscriptionTimeline;
import dev.billing.platform.billing.BillingPeriod;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The base-fee lines a subscription owes as of an instant. A period's fee is {@code amount × paid
 * days ÷ days in the period}, the paid days being the active days after the trial. In advance it is
 * due when the paid days begin (the start, or the trial end); in arrears when the period closes
 * (its end, or the termination).
 */
public final class SubscriptionFeeSchedule {

  private SubscriptionFeeSchedule() {}

  public static List<FeeLine> dueLines(SubscriptionFacts sub, Instant asOf) {
    List<FeeLine> lines = new ArrayList<>();
    if (asOf.isBefore(sub.startedAt())) {
      return lines;
    }
    PlanTerms terms = sub.terms();
    for (ActivePeriod period :
        SubscriptionTimeline.periodsStartingBy(sub, asOf.atZone(sub.zone()).toLocalDate())) {
      Optional<BillingPeriod> paid =
          period.active().within(sub.firstPaidDay(), period.active().toDate());
      BigDecimal precise =
          paid.map(days -> Proration.preciseAmount(terms.amountCents(), terms.currency(), days))
              .orElse(BigDecimal.ZERO);
      if (!dueAt(sub, period, paid.isPresent()).isAfter(asOf)) {
        lines.add(
            FeeLine.subscription(
                sub.id(), period.full(), paid.orElse(period.active()), precise, terms.currency()));
      }
    }
    return lines;
  }

  /**
   * Empty lines for base fees billed for periods after the subscription ended (paid in advance
   * before the termination was known), so that the difference credits them in full.
   */
  public static List<FeeLine> noLongerDue(
      SubscriptionFacts sub, FeeLedger billed, Set<String> expectedKeys) {
    Optional<LocalDate> end = sub.endDateExclusive();
    if (end.isEmpty()) {
      return List.of();
    }
    String prefix = FeeLine.subscriptionKeyPrefix(sub.id());
    return billed.entries().stream()
        .map(FeeLedger.Entry::line)
        .filter(line -> line.key().startsWith(prefix) && !expectedKeys.contains(line.key()))
        .filter(line -> line.periodFrom() != null && !line.periodFrom().isBefore(end.get()))
        .map(FeeLine::emptied)
        .toList();
  }

  private static Instant dueAt(SubscriptionFacts sub, ActivePeriod period, boolean paysSomething) {
    if (!sub.terms().payInAdvance()) {
      return period.closesAt();
    }
    Instant opens = period.opensAt();
    Optional<Instant> trialEnd = sub.trialEndsAt().filter(end -> paysSomething);
    return trialEnd.filter(opens::isBefore).orElse(opens);
  }
}
