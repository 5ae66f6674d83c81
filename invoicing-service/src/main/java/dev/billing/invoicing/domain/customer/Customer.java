package dev.billing.invoicing.domain.customer;

import dev.billing.invoicing.domain.organization.LegalAddress;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A customer of an organization, addressed by the client's {@code external_id}.
 *
 * @param id Lago's {@code lago_id}
 * @param organizationId the tenant
 * @param revision increases with every change; travels with its messages
 * @param externalId the client's id, unique among the organization's live customers
 * @param sequentialId 1, 2, 3... per organization
 * @param name display name, or null
 * @param currency ISO 4217, or null until set or until the first subscription sets it
 * @param timezone IANA zone overriding the organization's, or null
 * @param address e-mail, legal and postal details
 * @param billing payment provider and billing settings
 * @param metadata key/value pairs, in the order given
 * @param deletedAt when it was deleted, or null
 * @param createdAt creation instant
 * @param updatedAt last change
 */
public record Customer(
    UUID id,
    UUID organizationId,
    long revision,
    String externalId,
    long sequentialId,
    String name,
    String currency,
    String timezone,
    LegalAddress address,
    CustomerBilling billing,
    List<CustomerMetadata> metadata,
    Instant deletedAt,
    Instant createdAt,
    Instant updatedAt) {

  /**
   * A customer with nothing but its ids, at revision 0: its first change (the create-or-update that
   * made it) is revision 1.
   */
  public static Customer blank(
      UUID id, UUID organizationId, String externalId, long sequentialId, Instant now) {
    return new Customer(
        id,
        organizationId,
        0,
        externalId,
        sequentialId,
        null,
        null,
        null,
        LegalAddress.EMPTY,
        CustomerBilling.NONE,
        List.of(),
        null,
        now,
        now);
  }

  public boolean deleted() {
    return deletedAt != null;
  }

  /** The zone its billing periods are counted in: its own, else the organization's. */
  public String applicableTimezone(String organizationTimezone) {
    return timezone != null ? timezone : organizationTimezone;
  }

  /** The same customer, one revision later, with a currency (set by its first subscription). */
  public Customer withCurrency(String newCurrency, Instant now) {
    return new Customer(
        id,
        organizationId,
        revision + 1,
        externalId,
        sequentialId,
        name,
        newCurrency,
        timezone,
        address,
        billing,
        metadata,
        deletedAt,
        createdAt,
        now);
  }

  /** The same customer, one revision later, deleted. */
  public Customer deletedAt(Instant now) {
    return new Customer(
        id,
        organizationId,
        revision + 1,
        externalId,
        sequentialId,
        name,
        currency,
        timezone,
        address,
        billing,
        metadata,
        now,
        createdAt,
        now);
  }
}
