package dev.billing.invoicing.domain.customer;

import java.util.List;
import java.util.Optional;

/**
 * What a create-or-update asks to change. A {@code null} field was absent and stays as it is; an
 * empty {@link Optional} was an explicit {@code null} and clears the field.
 *
 * @param name display name
 * @param email billing e-mail
 * @param currency ISO 4217
 * @param timezone IANA zone
 * @param legalName legal name
 * @param legalNumber legal number
 * @param taxIdentificationNumber tax id
 * @param addressLine1 address
 * @param addressLine2 address
 * @param city city
 * @param state state
 * @param zipcode zip
 * @param country ISO 3166-1 alpha-2
 * @param paymentProvider payment provider
 * @param providerCustomerId the customer's id at the provider
 * @param invoiceGracePeriod days
 * @param netPaymentTerm days
 * @param metadata the pairs to set (by id or key), or null to leave them
 */
@SuppressWarnings("OptionalUsedAsFieldOrParameterType")
public record CustomerChanges(
    Optional<String> name,
    Optional<String> email,
    Optional<String> currency,
    Optional<String> timezone,
    Optional<String> legalName,
    Optional<String> legalNumber,
    Optional<String> taxIdentificationNumber,
    Optional<String> addressLine1,
    Optional<String> addressLine2,
    Optional<String> city,
    Optional<String> state,
    Optional<String> zipcode,
    Optional<String> country,
    Optional<String> paymentProvider,
    Optional<String> providerCustomerId,
    Optional<Integer> invoiceGracePeriod,
    Optional<Integer> netPaymentTerm,
    List<MetadataInput> metadata) {

  /**
   * One metadata pair as given.
   *
   * @param id the lago_id of the pair to update, or null
   * @param key the key
   * @param value the value
   * @param displayInInvoice whether invoices show it
   */
  public record MetadataInput(String id, String key, String value, Boolean displayInInvoice) {}

  /** No change at all. */
  public static CustomerChanges none() {
    return new CustomerChanges(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null);
  }
}
