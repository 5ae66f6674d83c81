package dev.billing.invoicing.domain.subscription;

import dev.billing.platform.billing.BillingTime;
import java.time.Instant;
import java.util.UUID;

/** Builds a {@link Subscription} field by field, starting from an existing one. */
public final class SubscriptionBuilder {
  private UUID id;
  private UUID organizationId;
  private long revision;
  private String externalId;
  private UUID customerId;
  private UUID planId;
  private String planCode;
  private String name;
  private SubscriptionStatus status;
  private BillingTime billingTime;
  private Instant subscriptionAt;
  private Instant activateAt;
  private Instant startedAt;
  private Instant trialEndedAt;
  private Instant endingAt;
  private Instant terminatedAt;
  private Instant canceledAt;
  private UUID previousId;
  private UUID nextId;
  private String onTerminationInvoice;
  private String onTerminationCreditNote;
  private Instant createdAt;
  private Instant updatedAt;

  SubscriptionBuilder(Subscription s) {
    id = s.id();
    organizationId = s.organizationId();
    revision = s.revision();
    externalId = s.externalId();
    customerId = s.customerId();
    planId = s.planId();
    planCode = s.planCode();
    name = s.name();
    status = s.status();
    billingTime = s.billingTime();
    subscriptionAt = s.subscriptionAt();
    activateAt = s.activateAt();
    startedAt = s.startedAt();
    trialEndedAt = s.trialEndedAt();
    endingAt = s.endingAt();
    terminatedAt = s.terminatedAt();
    canceledAt = s.canceledAt();
    previousId = s.previousId();
    nextId = s.nextId();
    onTerminationInvoice = s.onTerminationInvoice();
    onTerminationCreditNote = s.onTerminationCreditNote();
    createdAt = s.createdAt();
    updatedAt = s.updatedAt();
  }

  public SubscriptionBuilder id(UUID value) {
    id = value;
    return this;
  }

  public SubscriptionBuilder organizationId(UUID value) {
    organizationId = value;
    return this;
  }

  public SubscriptionBuilder revision(long value) {
    revision = value;
    return this;
  }

  public SubscriptionBuilder externalId(String value) {
    externalId = value;
    return this;
  }

  public SubscriptionBuilder customerId(UUID value) {
    customerId = value;
    return this;
  }

  public SubscriptionBuilder planId(UUID value) {
    planId = value;
    return this;
  }

  public SubscriptionBuilder planCode(String value) {
    planCode = value;
    return this;
  }

  public SubscriptionBuilder name(String value) {
    name = value;
    return this;
  }

  public SubscriptionBuilder status(SubscriptionStatus value) {
    status = value;
    return this;
  }

  public SubscriptionBuilder billingTime(BillingTime value) {
    billingTime = value;
    return this;
  }

  public SubscriptionBuilder subscriptionAt(Instant value) {
    subscriptionAt = value;
    return this;
  }

  public SubscriptionBuilder activateAt(Instant value) {
    activateAt = value;
    return this;
  }

  public SubscriptionBuilder startedAt(Instant value) {
    startedAt = value;
    return this;
  }

  public SubscriptionBuilder trialEndedAt(Instant value) {
    trialEndedAt = value;
    return this;
  }

  public SubscriptionBuilder endingAt(Instant value) {
    endingAt = value;
    return this;
  }

  public SubscriptionBuilder terminatedAt(Instant value) {
    terminatedAt = value;
    return this;
  }

  public SubscriptionBuilder canceledAt(Instant value) {
    canceledAt = value;
    return this;
  }

  public SubscriptionBuilder previousId(UUID value) {
    previousId = value;
    return this;
  }

  public SubscriptionBuilder nextId(UUID value) {
    nextId = value;
    return this;
  }

  public SubscriptionBuilder onTerminationInvoice(String value) {
    onTerminationInvoice = value;
    return this;
  }

  public SubscriptionBuilder onTerminationCreditNote(String value) {
    onTerminationCreditNote = value;
    return this;
  }

  public SubscriptionBuilder createdAt(Instant value) {
    createdAt = value;
    return this;
  }

  public SubscriptionBuilder updatedAt(Instant value) {
    updatedAt = value;
    return this;
  }

  public Subscription build() {
    return new Subscription(
        id,
        organizationId,
        revision,
        externalId,
        customerId,
        planId,
        planCode,
        name,
        status,
        billingTime,
        subscriptionAt,
        activateAt,
        startedAt,
        trialEndedAt,
        endingAt,
        terminatedAt,
        canceledAt,
        previousId,
        nextId,
        onTerminationInvoice,
        onTerminationCreditNote,
        createdAt,
        updatedAt);
  }
}
