package dev.billing.invoicing.app.outbox;

import dev.billing.invoicing.domain.subscription.Subscription;
import dev.billing.platform.contracts.SubscriptionMessage;
import dev.billing.platform.outbox.OutboxMessage;

/** Builds the {@code billing.subscriptions} message for a subscription's current state. */
public final class SubscriptionMessages {

  private SubscriptionMessages() {}

  /**
   * @param s the subscription as stored
   * @param externalCustomerId its customer's external id
   * @param timezone the zone its periods are counted in (customer's, else organization's)
   */
  public static OutboxMessage updated(Subscription s, String externalCustomerId, String timezone) {
    SubscriptionMessage message =
        new SubscriptionMessage(
            s.id(),
            s.organizationId(),
            s.revision(),
            s.externalId(),
            s.customerId(),
            externalCustomerId,
            s.planCode(),
            s.status().wireName(),
            s.billingTime().wireName(),
            s.subscriptionAt(),
            s.startedAt(),
            s.endingAt(),
            s.terminatedAt(),
            timezone,
            s.previousId(),
            s.updatedAt());
    return OutboxMessage.of(
        s.organizationId(),
        SubscriptionMessage.AGGREGATE_TYPE,
        s.id().toString(),
        SubscriptionMessage.TYPE,
        SubscriptionMessage.VERSION,
        message);
  }
}
