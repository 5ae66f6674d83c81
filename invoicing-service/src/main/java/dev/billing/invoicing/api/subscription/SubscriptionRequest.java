package dev.billing.invoicing.api.subscription;

/**
 * Lago's {@code SubscriptionCreateInput}: {@code {"subscription": {...}}}. Dates are ISO-8601
 * strings, parsed here so that a bad one is a 422 naming the field.
 *
 * @param subscription the fields
 */
public record SubscriptionRequest(Input subscription) {

  /**
   * @param externalCustomerId the customer (created if unknown)
   * @param planCode the plan
   * @param externalId the subscription line's id: the idempotency key
   * @param name label on invoices
   * @param billingTime calendar (default) or anniversary
   * @param subscriptionAt start, default now
   * @param endingAt planned termination
   */
  public record Input(
      String externalCustomerId,
      String planCode,
      String externalId,
      String name,
      String billingTime,
      String subscriptionAt,
      String endingAt) {}
}
