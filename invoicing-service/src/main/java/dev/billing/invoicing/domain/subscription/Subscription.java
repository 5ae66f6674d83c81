package dev.billing.invoicing.domain.subscription;

import dev.billing.platform.billing.BillingTime;
import java.time.Instant;
import java.util.UUID;

/**
 * One plan on one customer for a span of time. A plan change ends this one and starts another with
 * the same {@code externalId}.
 *
 * @param id the lago_id
 * @param organizationId the tenant
 * @param revision increases with every change; travels with its messages
 * @param externalId the client's id, which usage events carry
 * @param customerId the customer's lago_id
 * @param planId the plan's lago_id
 * @param planCode the plan's code
 * @param name label on invoices, or null
 * @param status pending, active, terminated or canceled
 * @param billingTime calendar or anniversary
 * @param subscriptionAt Lago's {@code subscription_at}: the anniversary anchor, kept across plan
 *     changes
 * @param activateAt when a pending subscription becomes active, else null
 * @param startedAt when it became active, or null
 * @param trialEndedAt when its trial ends (or ended), or null
 * @param endingAt planned termination, or null
 * @param terminatedAt when it was terminated, or null
 * @param canceledAt when it was canceled, or null
 * @param previousId the subscription it replaced, or null
 * @param nextId the pending subscription that replaces it at the end of the period, or null
 * @param onTerminationInvoice generate or skip: what the billing run does when it is terminated
 * @param onTerminationCreditNote credit, refund, offset or skip (pay-in-advance plans), or null
 * @param createdAt creation instant
 * @param updatedAt last change
 */
public record Subscription(
    UUID id,
    UUID organizationId,
    long revision,
    String externalId,
    UUID customerId,
    UUID planId,
    String planCode,
    String name,
    SubscriptionStatus status,
    BillingTime billingTime,
    Instant subscriptionAt,
    Instant activateAt,
    Instant startedAt,
    Instant trialEndedAt,
    Instant endingAt,
    Instant terminatedAt,
    Instant canceledAt,
    UUID previousId,
    UUID nextId,
    String onTerminationInvoice,
    String onTerminationCreditNote,
    Instant createdAt,
    Instant updatedAt) {

  public static final String GENERATE = "generate";

  public boolean isActive() {
    return status == SubscriptionStatus.ACTIVE;
  }

  public boolean isPending() {
    return status == SubscriptionStatus.PENDING;
  }

  /** The next revision, unchanged: announces again what depends on something around it. */
  public Subscription touched(Instant now) {
    return edited(
        name,
        subscriptionAt,
        activateAt,
        trialEndedAt,
        endingAt,
        onTerminationInvoice,
        onTerminationCreditNote,
        now);
  }

  /** The next revision with another status and dates (the rest unchanged). */
  Subscription with(
      SubscriptionStatus newStatus,
      Instant newActivateAt,
      Instant newStartedAt,
      Instant newTerminatedAt,
      Instant newCanceledAt,
      UUID newNextId,
      Instant now) {
    return toBuilder()
        .revision(revision + 1)
        .status(newStatus)
        .activateAt(newActivateAt)
        .startedAt(newStartedAt)
        .terminatedAt(newTerminatedAt)
        .canceledAt(newCanceledAt)
        .nextId(newNextId)
        .updatedAt(now)
        .build();
  }

  /** The next revision with another name, ending date, anchor or termination choices. */
  Subscription edited(
      String newName,
      Instant newSubscriptionAt,
      Instant newActivateAt,
      Instant newTrialEndedAt,
      Instant newEndingAt,
      String newOnTerminationInvoice,
      String newOnTerminationCreditNote,
      Instant now) {
    return toBuilder()
        .revision(revision + 1)
        .name(newName)
        .subscriptionAt(newSubscriptionAt)
        .activateAt(newActivateAt)
        .trialEndedAt(newTrialEndedAt)
        .endingAt(newEndingAt)
        .onTerminationInvoice(newOnTerminationInvoice)
        .onTerminationCreditNote(newOnTerminationCreditNote)
        .updatedAt(now)
        .build();
  }

  /** A builder holding this subscription's fields, for a copy with some of them changed. */
  public SubscriptionBuilder toBuilder() {
    return new SubscriptionBuilder(this);
  }
}
