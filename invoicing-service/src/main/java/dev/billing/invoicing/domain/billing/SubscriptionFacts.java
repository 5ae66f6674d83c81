package dev.billing.invoicing.domain.billing;

import dev.billing.platform.billing.BillingPeriod;
import dev.billing.platform.billing.BillingPeriods;
import dev.billing.platform.billing.BillingTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * What billing needs to know about one subscription (one plan on one customer).
 *
 * @param id the subscription id, part of every fee key
 * @param terms the plan's billing terms
 * @param billingTime calendar or anniversary
 * @param subscriptionAt Lago's {@code subscription_at}: the anniversary anchor, kept across plan
 *     changes
 * @param startedAt when this subscription (this plan) took effect; after an upgrade, the upgrade
 *     instant
 * @param trialEndsAt end of the free base fee, if any
 * @param termination when and how it stopped, if it did
 * @param zone the customer's timezone, in which days and periods are counted
 */
public record SubscriptionFacts(
    String id,
    PlanTerms terms,
    BillingTime billingTime,
    Instant subscriptionAt,
    Instant startedAt,
    Optional<Instant> trialEndsAt,
    Optional<Termination> termination,
    ZoneId zone) {

  public SubscriptionFacts {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(terms, "terms");
    Objects.requireNonNull(billingTime, "billingTime");
    Objects.requireNonNull(subscriptionAt, "subscriptionAt");
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(zone, "zone");
    trialEndsAt = trialEndsAt == null ? Optional.empty() : trialEndsAt;
    termination = termination == null ? Optional.empty() : termination;
    if (startedAt.isBefore(subscriptionAt)) {
      throw new IllegalArgumentException("startedAt is before subscriptionAt");
    }
  }

  /** A new subscription starting at {@code startedAt}, with the plan's trial if it has one. */
  public static SubscriptionFacts started(
      String id, PlanTerms terms, BillingTime billingTime, Instant startedAt, ZoneId zone) {
    return new SubscriptionFacts(
        id,
        terms,
        billingTime,
        startedAt,
        startedAt,
        Trial.endOf(startedAt, terms.trialPeriodDays()),
        Optional.empty(),
        zone);
  }

  public SubscriptionFacts terminatedAt(Instant at) {
    return withTermination(new Termination(at, Termination.Kind.TERMINATED));
  }

  public SubscriptionFacts replacedAt(Instant at) {
    return withTermination(new Termination(at, Termination.Kind.REPLACED));
  }

  public SubscriptionFacts withTermination(Termination ending) {
    return new SubscriptionFacts(
        id, terms, billingTime, subscriptionAt, startedAt, trialEndsAt, Optional.of(ending), zone);
  }

  /** The local date of {@code subscription_at}: where anniversary periods start. */
  public LocalDate anchorDate() {
    return BillingPeriods.localDate(subscriptionAt, zone);
  }

  /** The first local day billed to this subscription. */
  public LocalDate startDate() {
    return BillingPeriods.localDate(startedAt, zone);
  }

  /** The first local day no longer billed, if it stopped. */
  public Optional<LocalDate> endDateExclusive() {
    return termination.map(t -> t.firstUnbilledDay(zone));
  }

  /** The first day whose base fee is paid: the start, or the day the trial ends. */
  public LocalDate firstPaidDay() {
    LocalDate start = startDate();
    return trialEndsAt
        .map(end -> Trial.firstPaidDay(end, zone))
        .filter(day -> day.isAfter(start))
        .orElse(start);
  }

  /** The whole plan period containing {@code day}, on this subscription's grid. */
  public BillingPeriod fullPeriodContaining(LocalDate day) {
    return BillingPeriods.fullPeriodContaining(terms.interval(), billingTime, anchorDate(), day);
  }
}
