package dev.billing.invoicing.api.customer;

import dev.billing.invoicing.domain.customer.Customer;
import dev.billing.invoicing.domain.customer.CustomerMetadata;
import dev.billing.invoicing.domain.organization.LegalAddress;
import dev.billing.invoicing.persistence.CustomerView;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Lago's {@code CustomerObject} (the fields this engine keeps; the others are null or empty). */
public record CustomerJson(
    String lagoId,
    long sequentialId,
    String slug,
    String externalId,
    String applicableTimezone,
    String addressLine1,
    String addressLine2,
    String city,
    String country,
    String currency,
    String email,
    String legalName,
    String legalNumber,
    String logoUrl,
    String name,
    String firstname,
    String lastname,
    String phone,
    String state,
    String taxIdentificationNumber,
    String timezone,
    String url,
    String zipcode,
    Integer netPaymentTerm,
    Instant createdAt,
    Instant updatedAt,
    BillingConfiguration billingConfiguration,
    List<Metadata> metadata,
    List<Object> taxes) {

  /**
   * Lago's {@code CustomerBillingConfiguration}.
   *
   * @param invoiceGracePeriod days, or null for the organization's
   * @param paymentProvider provider, or null
   * @param providerCustomerId id at the provider, or null
   */
  public record BillingConfiguration(
      Integer invoiceGracePeriod, String paymentProvider, String providerCustomerId) {}

  /**
   * Lago's {@code CustomerMetadata}.
   *
   * @param lagoId id of the pair
   * @param key key
   * @param value value
   * @param displayInInvoice shown on invoices
   * @param createdAt when it was set first
   */
  public record Metadata(
      String lagoId, String key, String value, boolean displayInInvoice, Instant createdAt) {
    static Metadata of(CustomerMetadata m) {
      return new Metadata(
          m.id().toString(),
          m.key(),
          m.value(),
          m.displayInInvoice(),
          m.createdAt().truncatedTo(ChronoUnit.SECONDS));
    }
  }

  public static CustomerJson of(CustomerView view) {
    Customer c = view.customer();
    LegalAddress a = c.address();
    return new CustomerJson(
        c.id().toString(),
        c.sequentialId(),
        String.format("%s-%03d", view.documentNumberPrefix(), c.sequentialId()),
        c.externalId(),
        view.applicableTimezone(),
        a.addressLine1(),
        a.addressLine2(),
        a.city(),
        a.country(),
        c.currency(),
        a.email(),
        a.legalName(),
        a.legalNumber(),
        null,
        c.name(),
        null,
        null,
        null,
        a.state(),
        a.taxIdentificationNumber(),
        c.timezone(),
        null,
        a.zipcode(),
        c.billing().netPaymentTerm(),
        c.createdAt().truncatedTo(ChronoUnit.SECONDS),
        c.updatedAt().truncatedTo(ChronoUnit.SECONDS),
        new BillingConfiguration(
            c.billing().invoiceGracePeriod(),
            c.billing().paymentProvider(),
            c.billing().providerCustomerId()),
        c.metadata().stream().map(Metadata::of).toList(),
        List.of());
  }
}
