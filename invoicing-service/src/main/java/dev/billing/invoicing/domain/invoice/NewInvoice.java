package dev.billing.invoicing.domain.invoice;

import dev.billing.platform.money.CurrencyUnit;
import dev.billing.platform.money.Money;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * An invoice as a billing run makes it: its fees, Lago's totals, and whether it waits in draft for
 * the grace period.
 *
 * @param fees the fee lines, in Lago's order
 * @param totals Lago's totals (coupons, taxes, credit notes and prepaid credits in their places)
 * @param draft whether it waits for the grace period before it is finalized
 * @param issuingDate the billing day, in the customer's zone
 * @param paymentDueDate the issuing date plus the net payment term
 * @param gracePeriodEndsAt when a draft is finalized on its own, or null
 */
public record NewInvoice(
    List<FeeLine> fees,
    InvoiceTotals totals,
    boolean draft,
    LocalDate issuingDate,
    LocalDate paymentDueDate,
    Instant gracePeriodEndsAt) {

  /**
   * @param gracePeriodDays the customer's grace period, else the organization's
   * @param netPaymentTerm days, the customer's, else the organization's
   */
  public static NewInvoice of(
      List<FeeLine> fees,
      CurrencyUnit currency,
      Instant billedAt,
      ZoneId zone,
      int gracePeriodDays,
      int netPaymentTerm) {
    LocalDate issuing = billedAt.atZone(zone).toLocalDate();
    InvoiceTotals totals = InvoiceTotals.of(currency, fees, Money.zero(currency));
    boolean draft = gracePeriodDays > 0;
    Instant graceEnds =
        draft ? issuing.plusDays(gracePeriodDays).atStartOfDay(zone).toInstant() : null;
    return new NewInvoice(
        List.copyOf(fees), totals, draft, issuing, issuing.plusDays(netPaymentTerm), graceEnds);
  }
}
