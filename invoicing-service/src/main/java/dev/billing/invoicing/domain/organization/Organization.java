package dev.billing.invoicing.domain.organization;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An organization: the tenant, and the settings its billing runs with.
 *
 * @param id the organization id (Lago's {@code lago_id})
 * @param revision increases with every change; travels with its messages
 * @param name display name
 * @param timezone IANA zone periods are computed in unless a customer overrides it
 * @param defaultCurrency ISO 4217 code
 * @param documentNumberPrefix prefix of invoice numbers, 1-10 upper-case characters
 * @param documentNumbering {@code per_customer} or {@code per_organization}
 * @param netPaymentTerm days from finalization to payment due date
 * @param invoiceGracePeriod days an invoice stays draft before finalization
 * @param webhookUrl legacy single webhook endpoint, or null
 * @param address postal and legal details printed on documents
 * @param invoiceFooter text at the bottom of documents, or null
 * @param documentLocale ISO 639-1 language of documents
 * @param finalizeZeroAmountInvoice whether a zero-total invoice is finalized
 * @param emailSettings which documents are e-mailed
 * @param createdAt creation instant
 * @param updatedAt last change
 */
public record Organization(
    UUID id,
    long revision,
    String name,
    String timezone,
    String defaultCurrency,
    String documentNumberPrefix,
    String documentNumbering,
    int netPaymentTerm,
    int invoiceGracePeriod,
    String webhookUrl,
    LegalAddress address,
    String invoiceFooter,
    String documentLocale,
    boolean finalizeZeroAmountInvoice,
    List<String> emailSettings,
    Instant createdAt,
    Instant updatedAt) {

  public static final String DEFAULT_TIMEZONE = "UTC";
  public static final String DEFAULT_CURRENCY = "USD";
  public static final String PER_CUSTOMER = "per_customer";
  public static final String PER_ORGANIZATION = "per_organization";

  /** A new organization with Lago's defaults. */
  public static Organization create(UUID id, String name, Instant now) {
    return new Organization(
        id,
        1,
        name,
        DEFAULT_TIMEZONE,
        DEFAULT_CURRENCY,
        DocumentNumberPrefix.defaultFor(name, id),
        PER_CUSTOMER,
        0,
        0,
        null,
        LegalAddress.EMPTY,
        null,
        "en",
        true,
        List.of(),
        now,
        now);
  }
}
