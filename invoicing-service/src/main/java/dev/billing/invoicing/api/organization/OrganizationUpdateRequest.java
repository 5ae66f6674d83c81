package dev.billing.invoicing.api.organization;

import dev.billing.invoicing.domain.organization.OrganizationChanges;
import java.util.List;
import java.util.Optional;

/**
 * Lago's {@code OrganizationUpdateInput}: {@code {"organization": {...}}}. Absent fields stay as
 * they are; {@code null} clears the fields that may be empty.
 *
 * @param organization the changes
 */
public record OrganizationUpdateRequest(Input organization) {

  /**
   * The fields of the update.
   *
   * @param webhookUrl webhook URL
   * @param country ISO 3166-1 alpha-2
   * @param defaultCurrency ISO 4217
   * @param addressLine1 address
   * @param addressLine2 address
   * @param state state
   * @param zipcode zip
   * @param email e-mail
   * @param city city
   * @param legalName legal name
   * @param legalNumber legal number
   * @param documentNumbering per_customer or per_organization
   * @param documentNumberPrefix invoice number prefix
   * @param netPaymentTerm days
   * @param taxIdentificationNumber tax id
   * @param timezone IANA zone
   * @param emailSettings documents sent by e-mail
   * @param billingConfiguration grace period, footer, locale
   * @param finalizeZeroAmountInvoice finalize zero-total invoices
   * @param invoiceGracePeriod also accepted at the top level
   */
  @SuppressWarnings("OptionalUsedAsFieldOrParameterType")
  public record Input(
      Optional<String> webhookUrl,
      Optional<String> country,
      String defaultCurrency,
      Optional<String> addressLine1,
      Optional<String> addressLine2,
      Optional<String> state,
      Optional<String> zipcode,
      Optional<String> email,
      Optional<String> city,
      Optional<String> legalName,
      Optional<String> legalNumber,
      String documentNumbering,
      String documentNumberPrefix,
      Integer netPaymentTerm,
      Optional<String> taxIdentificationNumber,
      String timezone,
      List<String> emailSettings,
      BillingConfiguration billingConfiguration,
      Boolean finalizeZeroAmountInvoice,
      Integer invoiceGracePeriod) {

    public OrganizationChanges toChanges() {
      BillingConfiguration billing =
          billingConfiguration == null
              ? new BillingConfiguration(null, null, null)
              : billingConfiguration;
      return new OrganizationChanges(
          timezone,
          defaultCurrency,
          documentNumberPrefix,
          documentNumbering,
          netPaymentTerm,
          billing.invoiceGracePeriod() != null ? billing.invoiceGracePeriod() : invoiceGracePeriod,
          webhookUrl,
          email,
          legalName,
          legalNumber,
          taxIdentificationNumber,
          addressLine1,
          addressLine2,
          city,
          state,
          zipcode,
          country,
          billing.invoiceFooter(),
          billing.documentLocale(),
          finalizeZeroAmountInvoice,
          emailSettings);
    }
  }

  /**
   * Lago's {@code OrganizationBillingConfiguration} as input.
   *
   * @param invoiceFooter footer; null clears it
   * @param invoiceGracePeriod days
   * @param documentLocale ISO 639-1
   */
  @SuppressWarnings("OptionalUsedAsFieldOrParameterType")
  public record BillingConfiguration(
      Optional<String> invoiceFooter, Integer invoiceGracePeriod, String documentLocale) {}
}
