package dev.billing.invoicing.domain.billing;

import dev.billing.platform.billing.BillingPeriod;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The plan periods a subscription was active in, from its start. */
public final class SubscriptionTimeline {

  private SubscriptionTimeline() {}

  /**
   * Every plan period the subscription was active in that starts on or before {@code lastDay}, in
   * order. One entry per period since the start: a re-run recomputes the whole history, which is
   * what lets already-billed lines be compared with what is expected.
   */
  public static List<ActivePeriod> periodsStartingBy(SubscriptionFacts sub, LocalDate lastDay) {
    List<ActivePeriod> periods = new ArrayList<>();
    LocalDate start = sub.startDate();
    Optional<LocalDate> end = sub.endDateExclusive();
    BillingPeriod full = sub.fullPeriodContaining(start);
    while (!full.fromDate().isAfter(lastDay)) {
      Optional<BillingPeriod> active = full.within(start, end.orElse(full.toDate()));
      if (active.isEmpty()) {
        break;
      }
      periods.add(ActivePeriod.of(sub, full, active.get()));
      full = sub.fullPeriodContaining(full.toDate());
    }
    return periods;
  }
}
