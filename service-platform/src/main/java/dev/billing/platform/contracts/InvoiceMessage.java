package dev.billing.platform.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Contract of {@code billing.invoices} (type {@value #TYPE}, version {@value #VERSION}), keyed by
 * invoice id, published by invoicing-service whenever an invoice is created or changes status (for
 * wallets, taxes and payments later). The latest message is the invoice's current state.
 *
 * @param invoiceId lago_id
 * @param organizationId the tenant
 * @param customerId the customer's lago_id
 * @param externalCustomerId the customer's external id
 * @param number the invoice number
 * @param invoiceType subscription or one_off
 * @param status draft, finalized or voided
 * @param paymentStatus pending, succeeded or failed
 * @param currency ISO 4217
 * @param issuingDate the issuing date
 * @param paymentDueDate when payment is due
 * @param feesAmountCents sum of the fees
 * @param totalAmountCents what the customer owes
 * @param updatedAt when this state was reached
 */
public record InvoiceMessage(
    UUID invoiceId,
    UUID organizationId,
    UUID customerId,
    String externalCustomerId,
    String number,
    String invoiceType,
    String status,
    String paymentStatus,
    String currency,
    LocalDate issuingDate,
    LocalDate paymentDueDate,
    long feesAmountCents,
    long totalAmountCents,
    Instant updatedAt) {

  public static final String TYPE = "invoice.updated";
  public static final int VERSION = 1;
  public static final String AGGREGATE_TYPE = "invoices";
}
