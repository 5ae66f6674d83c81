package dev.billing.rating.domain.charge;

import dev.billing.platform.money.CurrencyUnit;
import dev.billing.platform.money.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Objects;

/**
 * The spending minimum of a charge ({@code min_amount_cents}, in arrears): if the period's fees are
 * below the minimum prorated by days ({@code min × daysBilled ÷ daysInPeriod}), a true-up fee makes
 * up the difference.
 */
public final class TrueUp {

  private TrueUp() {}

  /**
   * @param minimum the charge's {@code min_amount_cents} as money
   * @param preciseFeeAmounts the unrounded amounts (major units) of the charge's fees in the
   *     period; each is rounded as its fee was, and the rounded sum decides whether the minimum is
   *     met
   * @param daysBilled days of the period actually billed (fewer for a partial period)
   * @param daysInPeriod days in the full period
   */
  public static TrueUpAmount calculate(
      Money minimum, List<BigDecimal> preciseFeeAmounts, long daysBilled, long daysInPeriod) {
    Objects.requireNonNull(minimum, "minimum");
    CurrencyUnit currency = minimum.currency();
    BigDecimal prorated = proratedMinimum(minimum, daysBilled, daysInPeriod);
    BigDecimal usedRounded = BigDecimal.ZERO;
    BigDecimal usedPrecise = BigDecimal.ZERO;
    for (BigDecimal fee : preciseFeeAmounts) {
      usedRounded = usedRounded.add(Money.roundedFrom(fee, currency).amount());
      usedPrecise = usedPrecise.add(fee);
    }
    if (usedRounded.compareTo(prorated) >= 0) {
      return new TrueUpAmount(BigDecimal.ZERO, Money.zero(currency));
    }
    return new TrueUpAmount(
        prorated.subtract(usedPrecise),
        Money.roundedFrom(prorated.subtract(usedRounded), currency));
  }

  /** The same, with the minimum given in minor units as Lago's {@code min_amount_cents}. */
  public static TrueUpAmount calculate(
      long minAmountCents,
      CurrencyUnit currency,
      List<BigDecimal> preciseFeeAmounts,
      long daysBilled,
      long daysInPeriod) {
    return calculate(
        Money.ofMinor(minAmountCents, currency), preciseFeeAmounts, daysBilled, daysInPeriod);
  }

  /** {@code minimum × daysBilled ÷ daysInPeriod}, unrounded (34 significant digits). */
  public static BigDecimal proratedMinimum(Money minimum, long daysBilled, long daysInPeriod) {
    if (daysInPeriod <= 0 || daysBilled < 0) {
      throw new IllegalArgumentException(
          "days billed must be ≥ 0 and days in period > 0: " + daysBilled + "/" + daysInPeriod);
    }
    return minimum
        .amount()
        .multiply(BigDecimal.valueOf(daysBilled))
        .divide(BigDecimal.valueOf(daysInPeriod), MathContext.DECIMAL128);
  }
}
