package dev.billing.invoicing.domain.invoice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An invoice header: what it bills is in its fees, its status changes only as {@link InvoiceStatus}
 * allows.
 *
 * @param id lago_id
 * @param organizationId the tenant
 * @param customerId the customer
 * @param sequentialId the customer's running number, once finalized
 * @param number the invoice number ({@code <prefix>-DRAFT} while a draft)
 * @param invoiceType subscription or one_off
 * @param status its status
 * @param paymentStatus pending, succeeded or failed
 * @param currency ISO 4217
 * @param issuingDate the billing day
 * @param paymentDueDate when payment is due
 * @param netPaymentTerm days
 * @param gracePeriodEndsAt when a draft finalizes on its own
 * @param totals Lago's totals
 * @param billedAsOf the instant the run billed up to
 * @param finalizedAt when finalized
 * @param voidedAt when voided
 * @param createdAt created
 * @param updatedAt updated
 */
public record Invoice(
    UUID id,
    UUID organizationId,
    UUID customerId,
    Long sequentialId,
    String number,
    String invoiceType,
    InvoiceStatus status,
    String paymentStatus,
    String currency,
    LocalDate issuingDate,
    LocalDate paymentDueDate,
    int netPaymentTerm,
    Instant gracePeriodEndsAt,
    InvoiceTotals totals,
    Instant billedAsOf,
    Instant finalizedAt,
    Instant voidedAt,
    Instant createdAt,
    Instant updatedAt) {

  /** This draft finalized: numbered, its running number given. */
  public Invoice finalized(String number, long sequentialId, Instant at) {
    return new Invoice(
        id,
        organizationId,
        customerId,
        sequentialId,
        number,
        invoiceType,
        status.finalized(),
        paymentStatus,
        currency,
        issuingDate,
        paymentDueDate,
        netPaymentTerm,
        gracePeriodEndsAt,
        totals,
        billedAsOf,
        at,
        voidedAt,
        createdAt,
        at);
  }
}
