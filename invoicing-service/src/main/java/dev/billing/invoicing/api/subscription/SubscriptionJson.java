package dev.billing.invoicing.api.subscription;

import dev.billing.invoicing.domain.subscription.Subscription;
import dev.billing.invoicing.persistence.SubscriptionView;
import dev.billing.platform.billing.BillingPeriod;
import dev.billing.platform.billing.BillingPeriods;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** Lago's {@code SubscriptionObject}. */
public record SubscriptionJson(
    String lagoId,
    String externalId,
    String lagoCustomerId,
    String externalCustomerId,
    String billingTime,
    String name,
    String planCode,
    long planAmountCents,
    String planAmountCurrency,
    String status,
    Instant createdAt,
    Instant canceledAt,
    Instant startedAt,
    Instant endingAt,
    Instant subscriptionAt,
    Instant terminatedAt,
    String previousPlanCode,
    String nextPlanCode,
    LocalDate downgradePlanDate,
    Instant trialEndedAt,
    Instant currentBillingPeriodStartedAt,
    Instant currentBillingPeriodEndingAt,
    String onTerminationCreditNote,
    String onTerminationInvoice,
    boolean consolidateInvoice,
    Instant activatedAt,
    String purchaseOrderNumber) {

  public static SubscriptionJson of(SubscriptionView view, Instant now) {
    Subscription s = view.subscription();
    ZoneId zone = ZoneId.of(view.timezone());
    BillingPeriod current = currentPeriod(view, zone, now);
    return new SubscriptionJson(
        s.id().toString(),
        s.externalId(),
        s.customerId().toString(),
        view.externalCustomerId(),
        s.billingTime().wireName(),
        s.name(),
        s.planCode(),
        view.planAmountCents(),
        view.planCurrency(),
        s.status().wireName(),
        seconds(s.createdAt()),
        seconds(s.canceledAt()),
        seconds(s.startedAt()),
        seconds(s.endingAt()),
        seconds(s.subscriptionAt()),
        seconds(s.terminatedAt()),
        view.previousPlanCode(),
        view.nextPlanCode(),
        view.nextActivateAt() == null
            ? null
            : BillingPeriods.localDate(view.nextActivateAt(), zone),
        seconds(s.trialEndedAt()),
        current == null ? null : current.from(zone),
        current == null ? null : current.to(zone).minusSeconds(1),
        s.onTerminationCreditNote(),
        s.onTerminationInvoice(),
        true,
        seconds(s.startedAt()),
        null);
  }

  /** The period of an active subscription that holds {@code now}, cut at its start. */
  private static BillingPeriod currentPeriod(SubscriptionView view, ZoneId zone, Instant now) {
    Subscription s = view.subscription();
    if (!s.isActive() || s.startedAt() == null) {
      return null;
    }
    LocalDate start = BillingPeriods.localDate(s.startedAt(), zone);
    LocalDate today = BillingPeriods.localDate(now, zone);
    LocalDate day = today.isBefore(start) ? start : today;
    BillingPeriod full =
        BillingPeriods.fullPeriodContaining(
            view.planInterval(),
            s.billingTime(),
            BillingPeriods.localDate(s.subscriptionAt(), zone),
            day);
    return full.within(start, full.toDate()).orElse(full);
  }

  private static Instant seconds(Instant instant) {
    return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS);
  }
}
