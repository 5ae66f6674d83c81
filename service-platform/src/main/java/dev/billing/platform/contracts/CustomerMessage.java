package dev.billing.platform.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * Contract of {@code billing.customers} (type {@value #TYPE}, version {@value #VERSION}), keyed by
 * customer id, published by invoicing-service on every change. The whole current state; a newer
 * revision wins.
 *
 * @param customerId the customer's lago_id
 * @param organizationId the tenant
 * @param revision increases with every change
 * @param externalId the client's id
 * @param name display name
 * @param email billing e-mail, or null
 * @param currency ISO 4217, or null until the first subscription sets it
 * @param timezone IANA zone, or null to use the organization's
 * @param country ISO 3166-1 alpha-2, or null
 * @param paymentProvider stripe, adyen, gocardless, or null
 * @param providerCustomerId the customer's id at the provider, or null
 * @param deleted the customer was deleted
 * @param updatedAt when this revision was made
 */
public record CustomerMessage(
    UUID customerId,
    UUID organizationId,
    long revision,
    String externalId,
    String name,
    String email,
    String currency,
    String timezone,
    String country,
    String paymentProvider,
    String providerCustomerId,
    boolean deleted,
    Instant updatedAt) {

  public static final String TYPE = "customer.updated";
  public static final int VERSION = 1;
  public static final String AGGREGATE_TYPE = "customers";
}
