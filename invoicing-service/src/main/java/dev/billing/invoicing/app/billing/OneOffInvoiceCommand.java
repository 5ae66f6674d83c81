package dev.billing.invoicing.app.billing;

import java.math.BigDecimal;
import java.util.List;

/**
 * A one-off invoice to create, as asked (checked by {@link CreateOneOffInvoice}).
 *
 * @param externalCustomerId the customer
 * @param currency the invoice's; by default the customer's, else the first add-on's
 * @param fees one per add-on sold (an element may be null: asked so, reported as invalid)
 */
public record OneOffInvoiceCommand(String externalCustomerId, String currency, List<Fee> fees) {

  /**
   * @param addOnCode the add-on
   * @param units quantity, 1 by default
   * @param unitAmountCents price per unit, the add-on's by default
   * @param description the fee's description, the add-on's by default
   * @param invoiceDisplayName the label, the add-on's by default
   */
  public record Fee(
      String addOnCode,
      BigDecimal units,
      Long unitAmountCents,
      String description,
      String invoiceDisplayName) {}
}
