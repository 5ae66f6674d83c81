package dev.billing.invoicing.api.subscription;

import java.util.Optional;

/**
 * Lago's {@code SubscriptionUpdateInput}: {@code {"subscription": {...}}}; absent fields stay.
 *
 * @param subscription the fields
 */
public record SubscriptionUpdateRequest(Input subscription) {

  /**
   * @param name new label
   * @param endingAt new ending date; {@code null} removes it
   * @param subscriptionAt new start, for a subscription that has not started
   */
  @SuppressWarnings("OptionalUsedAsFieldOrParameterType")
  public record Input(String name, Optional<String> endingAt, String subscriptionAt) {}
}
