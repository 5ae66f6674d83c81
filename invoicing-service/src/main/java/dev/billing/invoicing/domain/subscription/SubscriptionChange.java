package dev.billing.invoicing.domain.subscription;

import java.util.List;

/**
 * What one request or clock tick does to a subscription line.
 *
 * @param writes the subscriptions to store (new ones at revision 1, changed ones one revision
 *     later), each announced on {@code billing.subscriptions}
 * @param result the subscription the API answers with
 */
public record SubscriptionChange(List<Subscription> writes, Subscription result) {

  public static SubscriptionChange unchanged(Subscription subscription) {
    return new SubscriptionChange(List.of(), subscription);
  }

  public boolean changed() {
    return !writes.isEmpty();
  }
}
