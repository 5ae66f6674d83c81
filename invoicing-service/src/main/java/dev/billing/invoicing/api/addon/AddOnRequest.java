package dev.billing.invoicing.api.addon;

/**
 * Lago's {@code AddOnCreateInput} / {@code AddOnUpdateInput}: {@code {"add_on": {...}}}. On an
 * update, absent (or null) fields keep their value.
 *
 * @param addOn the fields
 */
public record AddOnRequest(Input addOn) {

  /**
   * @param name required on create
   * @param invoiceDisplayName label on invoices
   * @param code required on create, unique per organization
   * @param amountCents default unit amount, ≥ 0
   * @param amountCurrency ISO 4217
   * @param description default fee description
   */
  public record Input(
      String name,
      String invoiceDisplayName,
      String code,
      Long amountCents,
      String amountCurrency,
      String description) {}
}
