package dev.billing.invoicing.domain.billing;

import dev.billing.platform.billing.BillingPeriod;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A plan period and the part of it a subscription was active in.
 *
 * @param full the whole plan period (the proration denominator and the fee key)
 * @param active its days between the subscription's start and end
 * @param opensAt when the active part begins: the later of its first midnight and the start
 * @param closesAt when the active part ends: the earlier of the period end and the termination
 */
public record ActivePeriod(
    BillingPeriod full, BillingPeriod active, Instant opensAt, Instant closesAt) {

  public ActivePeriod {
    Objects.requireNonNull(full, "full");
    Objects.requireNonNull(active, "active");
    Objects.requireNonNull(opensAt, "opensAt");
    Objects.requireNonNull(closesAt, "closesAt");
  }

  static ActivePeriod of(SubscriptionFacts sub, BillingPeriod full, BillingPeriod active) {
    ZoneId zone = sub.zone();
    Instant start = active.from(zone);
    Instant opens = start.isBefore(sub.startedAt()) ? sub.startedAt() : start;
    Instant end = full.to(zone);
    Instant closes =
        sub.termination().map(Termination::at).filter(at -> at.isBefore(end)).orElse(end);
    return new ActivePeriod(full, active, opens, closes);
  }
}
