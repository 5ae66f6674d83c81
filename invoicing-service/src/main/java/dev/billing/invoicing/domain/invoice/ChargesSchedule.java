package dev.billing.invoicing.domain.invoice;

import dev.billing.invoicing.domain.billing.SubscriptionFacts;
import dev.billing.platform.billing.BillingPeriod;
import dev.billing.platform.billing.BillingPeriods;
import dev.billing.platform.billing.PlanInterval;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The usage periods of a subscription that closed by an instant: the plan's periods, or months
 * under {@code bill_charges_monthly}, cut at the start and at the termination. Usage is billed in
 * arrears, once its period has closed (rating-service prices it).
 */
public final class ChargesSchedule {

  private ChargesSchedule() {}

  /**
   * One usage period.
   *
   * @param full the whole period (rating-service's aggregate period)
   * @param active its days the subscription was active in
   * @param opensAt when usage starts counting: the period start or the subscription start
   * @param closesAt when it stops: the period end or the termination
   */
  public record ChargesPeriod(
      BillingPeriod full, BillingPeriod active, Instant opensAt, Instant closesAt) {}

  /**
   * The periods that closed by {@code asOf} and start on or after {@code billedTo} (the end of the
   * last period already billed; null when none was).
   */
  public static List<ChargesPeriod> closedBy(
      SubscriptionFacts sub, Instant asOf, LocalDate billedTo) {
    List<ChargesPeriod> closed = new ArrayList<>();
    if (asOf.isBefore(sub.startedAt())) {
      return closed;
    }
    LocalDate start = sub.startDate();
    Optional<LocalDate> end = sub.endDateExclusive();
    LocalDate day = start;
    PlanInterval interval =
        BillingPeriods.chargesInterval(sub.terms().interval(), sub.terms().billChargesMonthly());
    while (end.isEmpty() || day.isBefore(end.get())) {
      BillingPeriod whole =
          BillingPeriods.fullPeriodContaining(interval, sub.billingTime(), sub.anchorDate(), day);
      Optional<BillingPeriod> active = whole.within(start, end.orElse(whole.toDate()));
      if (active.isEmpty()) {
        break;
      }
      Instant opensAt = later(whole.from(sub.zone()), sub.startedAt());
      Instant closesAt = whole.to(sub.zone());
      if (sub.termination().isPresent() && sub.termination().get().at().isBefore(closesAt)) {
        closesAt = sub.termination().get().at();
      }
      if (closesAt.isAfter(asOf)) {
        break;
      }
      if (billedTo == null || !active.get().fromDate().isBefore(billedTo)) {
        closed.add(new ChargesPeriod(whole, active.get(), opensAt, closesAt));
      }
      day = whole.toDate();
    }
    return closed;
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }
}
