package dev.billing.invoicing.api.customer;

import static dev.billing.invoicing.api.JsonBodies.change;

import com.fasterxml.jackson.databind.JsonNode;
import dev.billing.invoicing.domain.customer.CustomerChanges;
import java.util.List;
import java.util.Optional;

/**
 * Lago's {@code CustomerCreateInput}: {@code {"customer": {...}}}. A field left out stays as it is
 * on an existing customer; {@code null} clears it.
 *
 * @param customer the fields
 */
public record CustomerRequest(Input customer) {

  /**
   * The fields of the create-or-update.
   *
   * @param externalId the client's id (required)
   * @param name display name
   * @param email billing e-mail
   * @param currency ISO 4217
   * @param timezone IANA zone
   * @param country ISO 3166-1 alpha-2
   * @param addressLine1 address
   * @param addressLine2 address
   * @param city city
   * @param state state
   * @param zipcode zip
   * @param legalName legal name
   * @param legalNumber legal number
   * @param taxIdentificationNumber tax id
   * @param netPaymentTerm days
   * @param billingConfiguration payment provider and grace period
   * @param metadata key/value pairs; the list replaces the held one
   */
  @SuppressWarnings("OptionalUsedAsFieldOrParameterType")
  public record Input(
      String externalId,
      Optional<String> name,
      Optional<String> email,
      Optional<String> currency,
      Optional<String> timezone,
      Optional<String> country,
      Optional<String> addressLine1,
      Optional<String> addressLine2,
      Optional<String> city,
      Optional<String> state,
      Optional<String> zipcode,
      Optional<String> legalName,
      Optional<String> legalNumber,
      Optional<String> taxIdentificationNumber,
      Optional<Integer> netPaymentTerm,
      BillingConfiguration billingConfiguration,
      List<Metadata> metadata) {

    /**
     * The changes, telling fields left out of {@code sent} (the request's {@code customer} object)
     * from fields sent as {@code null}.
     */
    public CustomerChanges toChanges(JsonNode sent) {
      BillingConfiguration billing =
          billingConfiguration == null
              ? new BillingConfiguration(null, null, null)
              : billingConfiguration;
      JsonNode sentBilling = sent.get("billing_configuration");
      return new CustomerChanges(
          change(sent, "name", name),
          change(sent, "email", email),
          change(sent, "currency", currency),
          change(sent, "timezone", timezone),
          change(sent, "legal_name", legalName),
          change(sent, "legal_number", legalNumber),
          change(sent, "tax_identification_number", taxIdentificationNumber),
          change(sent, "address_line1", addressLine1),
          change(sent, "address_line2", addressLine2),
          change(sent, "city", city),
          change(sent, "state", state),
          change(sent, "zipcode", zipcode),
          change(sent, "country", country),
          change(sentBilling, "payment_provider", billing.paymentProvider()),
          change(sentBilling, "provider_customer_id", billing.providerCustomerId()),
          change(sentBilling, "invoice_grace_period", billing.invoiceGracePeriod()),
          change(sent, "net_payment_term", netPaymentTerm),
          metadata == null
              ? null
              : metadata.stream()
                  .map(
                      m ->
                          m == null
                              ? null
                              : new CustomerChanges.MetadataInput(
                                  m.id(), m.key(), m.value(), m.displayInInvoice()))
                  .toList());
    }
  }

  /**
   * Lago's {@code CustomerBillingConfiguration} as input (the fields this engine keeps).
   *
   * @param invoiceGracePeriod days
   * @param paymentProvider stripe, adyen, gocardless, ...
   * @param providerCustomerId the customer's id at the provider
   */
  @SuppressWarnings("OptionalUsedAsFieldOrParameterType")
  public record BillingConfiguration(
      Optional<Integer> invoiceGracePeriod,
      Optional<String> paymentProvider,
      Optional<String> providerCustomerId) {}

  /**
   * One metadata pair as input.
   *
   * @param id lago_id of the pair to update, or null
   * @param key key
   * @param value value
   * @param displayInInvoice shown on invoices
   */
  public record Metadata(String id, String key, String value, Boolean displayInInvoice) {}
}
