package dev.billing.invoicing.api.organization;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.billing.invoicing.domain.organization.LegalAddress;
import dev.billing.invoicing.domain.organization.Organization;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Lago's {@code OrganizationObject}. {@code api_key} appears only in the operator API's answers to
 * creation and rotation: the one time the key is shown. {@code hmac_key} (not in Lago's API object)
 * appears when the organization is read.
 */
public record OrganizationJson(
    String lagoId,
    String name,
    Instant createdAt,
    String webhookUrl,
    List<String> webhookUrls,
    String country,
    String defaultCurrency,
    String addressLine1,
    String addressLine2,
    String state,
    String zipcode,
    String email,
    String city,
    String legalName,
    String legalNumber,
    String documentNumbering,
    String documentNumberPrefix,
    int netPaymentTerm,
    String taxIdentificationNumber,
    String timezone,
    List<String> emailSettings,
    BillingConfiguration billingConfiguration,
    List<Object> taxes,
    boolean finalizeZeroAmountInvoice,
    @JsonInclude(JsonInclude.Include.NON_NULL) String apiKey,
    @JsonInclude(JsonInclude.Include.NON_NULL) String hmacKey) {

  /**
   * Lago's {@code OrganizationBillingConfiguration}.
   *
   * @param invoiceFooter footer of documents
   * @param invoiceGracePeriod days invoices stay draft
   * @param documentLocale language of documents
   */
  public record BillingConfiguration(
      String invoiceFooter, int invoiceGracePeriod, String documentLocale) {}

  public static OrganizationJson of(Organization o) {
    return of(o, null);
  }

  public static OrganizationJson of(Organization o, String apiKey) {
    LegalAddress a = o.address();
    return new OrganizationJson(
        o.id().toString(),
        o.name(),
        o.createdAt().truncatedTo(ChronoUnit.SECONDS),
        o.webhookUrl(),
        o.webhookUrl() == null ? List.of() : List.of(o.webhookUrl()),
        a.country(),
        o.defaultCurrency(),
        a.addressLine1(),
        a.addressLine2(),
        a.state(),
        a.zipcode(),
        a.email(),
        a.city(),
        a.legalName(),
        a.legalNumber(),
        o.documentNumbering(),
        o.documentNumberPrefix(),
        o.netPaymentTerm(),
        a.taxIdentificationNumber(),
        o.timezone(),
        o.emailSettings(),
        new BillingConfiguration(o.invoiceFooter(), o.invoiceGracePeriod(), o.documentLocale()),
        List.of(),
        o.finalizeZeroAmountInvoice(),
        apiKey,
        null);
  }

  /**
   * The same with the organization's HMAC key, which verifies its {@code hmac}-signed webhooks
   * (Lago shows it in its UI; here the organization's own API key and the operator read it).
   */
  public OrganizationJson withHmacKey(String key) {
    return new OrganizationJson(
        lagoId,
        name,
        createdAt,
        webhookUrl,
        webhookUrls,
        country,
        defaultCurrency,
        addressLine1,
        addressLine2,
        state,
        zipcode,
        email,
        city,
        legalName,
        legalNumber,
        documentNumbering,
        documentNumberPrefix,
        netPaymentTerm,
        taxIdentificationNumber,
        timezone,
        emailSettings,
        billingConfiguration,
        taxes,
        finalizeZeroAmountInvoice,
        apiKey,
        key);
  }
}
