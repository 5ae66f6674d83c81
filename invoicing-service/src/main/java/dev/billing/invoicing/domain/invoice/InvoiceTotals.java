package dev.billing.invoicing.domain.invoice;

import dev.billing.platform.money.CurrencyUnit;
import dev.billing.platform.money.Money;
import java.util.List;

/**
 * An invoice's amounts in Lago's order ({@code Invoices::ComputeAmountsFromFees}): fees, then
 * progressive-billing credits and coupons (before tax), then taxes, then credit notes and prepaid
 * credits (after tax). Each deduction is capped at what is left, so no amount is ever negative; the
 * fields hold the amounts actually applied.
 *
 * @param feesAmount sum of the rounded fee amounts
 * @param progressiveBillingCreditAmount already invoiced by threshold invoices in the period
 * @param couponsAmount coupon credits
 * @param subTotalExcludingTaxes fees minus the two deductions above
 * @param taxesAmount taxes on the subtotal (0 until taxes are computed)
 * @param subTotalIncludingTaxes subtotal plus taxes
 * @param creditNotesAmount available credit-note balance consumed
 * @param prepaidCreditAmount wallet credits consumed
 * @param totalAmount what the customer owes
 */
public record InvoiceTotals(
    Money feesAmount,
    Money progressiveBillingCreditAmount,
    Money couponsAmount,
    Money subTotalExcludingTaxes,
    Money taxesAmount,
    Money subTotalIncludingTaxes,
    Money creditNotesAmount,
    Money prepaidCreditAmount,
    Money totalAmount) {

  /** Totals of {@code fees} with a coupon credit; the other deductions and taxes are 0. */
  public static InvoiceTotals of(CurrencyUnit currency, List<FeeLine> fees, Money coupons) {
    Money zero = Money.zero(currency);
    return compute(sumOf(currency, fees), zero, coupons, zero, zero, zero);
  }

  /** Applies each amount in Lago's order, capping deductions at what is left. */
  public static InvoiceTotals compute(
      Money fees,
      Money progressiveCredit,
      Money coupons,
      Money taxes,
      Money creditNotes,
      Money prepaidCredits) {
    for (Money amount : List.of(fees, progressiveCredit, coupons, taxes, creditNotes)) {
      requireNotNegative(amount);
    }
    requireNotNegative(prepaidCredits);
    Money progressive = progressiveCredit.min(fees);
    Money couponsApplied = coupons.min(fees.minus(progressive));
    Money subTotalExcluding = fees.minus(progressive).minus(couponsApplied);
    Money subTotalIncluding = subTotalExcluding.plus(taxes);
    Money creditNotesApplied = creditNotes.min(subTotalIncluding);
    Money afterCreditNotes = subTotalIncluding.minus(creditNotesApplied);
    Money prepaidApplied = prepaidCredits.min(afterCreditNotes);
    return new InvoiceTotals(
        fees,
        progressive,
        couponsApplied,
        subTotalExcluding,
        taxes,
        subTotalIncluding,
        creditNotesApplied,
        prepaidApplied,
        afterCreditNotes.minus(prepaidApplied));
  }

  /** Sum of the rounded amounts of {@code fees}: Lago's {@code fees_amount_cents}. */
  public static Money sumOf(CurrencyUnit currency, List<FeeLine> fees) {
    return fees.stream().map(FeeLine::amount).reduce(Money.zero(currency), Money::plus);
  }

  /** Lago's payment status at finalization: nothing to pay is already settled. */
  public String paymentStatusAtFinalization() {
    return totalAmount.isZero() ? "succeeded" : "pending";
  }

  private static void requireNotNegative(Money amount) {
    if (amount.isNegative()) {
      throw new IllegalArgumentException("negative invoice amount " + amount);
    }
  }
}
