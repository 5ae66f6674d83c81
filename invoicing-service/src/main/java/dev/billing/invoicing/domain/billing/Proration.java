package dev.billing.invoicing.domain.billing;

import dev.billing.platform.billing.BillingPeriod;
import dev.billing.platform.money.CurrencyUnit;
import dev.billing.platform.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Lago's proration: {@code amount × days billed ÷ days in the full period}, the days being whole
 * days in the customer's timezone and the full period the actual month, quarter, half-year, year or
 * week the billed days belong to.
 */
public final class Proration {

  /** Decimal places kept in minor units before the one HALF_UP rounding of the fee. */
  public static final int PRECISE_SCALE = 12;

  private Proration() {}

  /** The unrounded fee in major units. */
  public static BigDecimal preciseAmount(
      long amountCents, CurrencyUnit currency, long daysBilled, long daysInFullPeriod) {
    if (daysBilled < 0 || daysInFullPeriod <= 0 || daysBilled > daysInFullPeriod) {
      throw new IllegalArgumentException(daysBilled + " of " + daysInFullPeriod + " days");
    }
    return BigDecimal.valueOf(amountCents)
        .multiply(BigDecimal.valueOf(daysBilled))
        .divide(BigDecimal.valueOf(daysInFullPeriod), PRECISE_SCALE, RoundingMode.HALF_UP)
        .movePointLeft(currency.exponent());
  }

  /** The unrounded fee for the days of {@code billed} out of its full period. */
  public static BigDecimal preciseAmount(
      long amountCents, CurrencyUnit currency, BillingPeriod billed) {
    return preciseAmount(amountCents, currency, billed.days(), billed.daysInFullPeriod());
  }

  /** The fee rounded HALF_UP to the currency's minor unit. */
  public static Money amount(
      long amountCents, CurrencyUnit currency, long daysBilled, long daysInFullPeriod) {
    return Money.roundedFrom(
        preciseAmount(amountCents, currency, daysBilled, daysInFullPeriod), currency);
  }
}
