package dev.billing.invoicing.api.invoice;

import dev.billing.invoicing.app.billing.OneOffInvoiceCommand;
import java.math.BigDecimal;
import java.util.List;

/**
 * Lago's {@code InvoiceOneOffCreateInput}: {@code {"invoice": {...}}}.
 *
 * @param invoice the fields
 */
public record OneOffInvoiceRequest(Input invoice) {

  /**
   * @param externalCustomerId the customer
   * @param currency the invoice's; by default the customer's, else the first add-on's
   * @param fees one per add-on sold
   */
  public record Input(String externalCustomerId, String currency, List<Fee> fees) {

    /** The use case's command, the same fields. */
    public OneOffInvoiceCommand command() {
      return new OneOffInvoiceCommand(
          externalCustomerId,
          currency,
          fees == null ? null : fees.stream().map(f -> f == null ? null : f.command()).toList());
    }
  }

  /**
   * @param addOnCode the add-on
   * @param units quantity, 1 by default (a number or a decimal string)
   * @param unitAmountCents price per unit, the add-on's by default
   * @param description the fee's description, the add-on's by default
   * @param invoiceDisplayName the label, the add-on's by default
   */
  public record Fee(
      String addOnCode,
      BigDecimal units,
      Long unitAmountCents,
      String description,
      String invoiceDisplayName) {

    OneOffInvoiceCommand.Fee command() {
      return new OneOffInvoiceCommand.Fee(
          addOnCode, units, unitAmountCents, description, invoiceDisplayName);
    }
  }
}
