package dev.billing.invoicing.app.outbox;

import dev.billing.invoicing.domain.invoice.Invoice;
import dev.billing.platform.contracts.InvoiceMessage;
import dev.billing.platform.outbox.OutboxMessage;

/** Builds the {@code billing.invoices} message for an invoice's current state. */
public final class InvoiceMessages {

  private InvoiceMessages() {}

  public static OutboxMessage updated(Invoice invoice, String externalCustomerId) {
    return OutboxMessage.of(
        invoice.organizationId(),
        InvoiceMessage.AGGREGATE_TYPE,
        invoice.id().toString(),
        InvoiceMessage.TYPE,
        InvoiceMessage.VERSION,
        new InvoiceMessage(
            invoice.id(),
            invoice.organizationId(),
            invoice.customerId(),
            externalCustomerId,
            invoice.number(),
            invoice.invoiceType(),
            invoice.status().wireName(),
            invoice.paymentStatus(),
            invoice.currency(),
            invoice.issuingDate(),
            invoice.paymentDueDate(),
            invoice.totals().feesAmount().minorUnits(),
            invoice.totals().totalAmount().minorUnits(),
            invoice.updatedAt()));
  }
}
