package dev.billing.invoicing.domain.organization;

import java.util.List;
import java.util.Optional;

/**
 * A partial update of an organization, as {@code PUT /api/v1/organizations} sends it. A null field
 * is left as it is; for fields that may be cleared, {@code Optional.empty()} clears them.
 *
 * @param timezone IANA zone
 * @param defaultCurrency ISO 4217 code
 * @param documentNumberPrefix 1-10 characters
 * @param documentNumbering per_customer or per_organization
 * @param netPaymentTerm days, 0 or more
 * @param invoiceGracePeriod days, 0 to 365
 * @param webhookUrl http(s) URL
 * @param email billing e-mail
 * @param legalName legal name
 * @param legalNumber registration number
 * @param taxIdentificationNumber tax id
 * @param addressLine1 address line 1
 * @param addressLine2 address line 2
 * @param city city
 * @param state state
 * @param zipcode zip code
 * @param country ISO 3166-1 alpha-2
 * @param invoiceFooter footer text
 * @param documentLocale ISO 639-1 language
 * @param finalizeZeroAmountInvoice finalize zero-total invoices
 * @param emailSettings documents to e-mail
 */
public record OrganizationChanges(
    String timezone,
    String defaultCurrency,
    String documentNumberPrefix,
    String documentNumbering,
    Integer netPaymentTerm,
    Integer invoiceGracePeriod,
    Optional<String> webhookUrl,
    Optional<String> email,
    Optional<String> legalName,
    Optional<String> legalNumber,
    Optional<String> taxIdentificationNumber,
    Optional<String> addressLine1,
    Optional<String> addressLine2,
    Optional<String> city,
    Optional<String> state,
    Optional<String> zipcode,
    Optional<String> country,
    Optional<String> invoiceFooter,
    String documentLocale,
    Boolean finalizeZeroAmountInvoice,
    List<String> emailSettings) {

  /** No change: applying it only moves the revision (e.g. when keys rotate). */
  public static OrganizationChanges none() {
    return new OrganizationChanges(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null, null, null, null, null, null);
  }
}
