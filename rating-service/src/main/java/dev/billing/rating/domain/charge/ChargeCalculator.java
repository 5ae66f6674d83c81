package dev.billing.rating.domain.charge;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * Prices aggregated usage with a charge model, exactly as Lago's formulas (lago.md §4). Amounts
 * stay unrounded; {@link ChargeAmount#toMoney} rounds once per fee.
 */
public final class ChargeCalculator {

  private ChargeCalculator() {}

  /** The amount for the usage of a whole period (in arrears, or current usage). */
  public static ChargeAmount calculate(
      ChargeModel model, ChargeProperties properties, ChargeInput input) {
    return new ChargeAmount(
        amount(model, properties, input, false), input.units(), input.eventsCount());
  }

  /**
   * The fee of a pay-in-advance event: {@code model(after) − model(before)}, where {@code after}
   * includes the event and {@code before} excludes it. As in Lago, the "before" side of a tiered
   * model with no units yet does not count the first tier's flat amount, so the first event pays
   * it.
   */
  public static ChargeAmount payInAdvanceFee(
      ChargeModel model, ChargeProperties properties, ChargeInput before, ChargeInput after) {
    BigDecimal amountAfter = amount(model, properties, after, false);
    BigDecimal amountBefore = amount(model, properties, before, true);
    return new ChargeAmount(
        amountAfter.subtract(amountBefore),
        after.units().subtract(before.units()),
        after.eventsCount() - before.eventsCount());
  }

  private static BigDecimal amount(
      ChargeModel model, ChargeProperties properties, ChargeInput input, boolean excludingEvent) {
    Objects.requireNonNull(input, "input");
    if (properties.model() != model) {
      throw new IllegalArgumentException(
          "properties of " + properties.model().wireName() + " given for " + model.wireName());
    }
    BigDecimal units = input.units();
    boolean flatAmountExcluded = excludingEvent && units.signum() == 0;
    return switch (model) {
      case STANDARD -> units.multiply(((StandardProperties) properties).amount());
      case GRADUATED ->
          flatAmountExcluded
              ? BigDecimal.ZERO
              : TieredPricing.graduated(((GraduatedProperties) properties).ranges(), units);
      case GRADUATED_PERCENTAGE ->
          flatAmountExcluded
              ? BigDecimal.ZERO
              : TieredPricing.graduatedPercentage(
                  ((GraduatedPercentageProperties) properties).ranges(), units);
      case PACKAGE -> packageAmount((PackageProperties) properties, units);
      case PERCENTAGE -> PercentagePricing.amount((PercentageProperties) properties, input);
      case VOLUME -> TieredPricing.volume(((VolumeProperties) properties).ranges(), units);
      case DYNAMIC -> dynamicAmount(input);
    };
  }

  /** {@code ceil((U − free units) / package size) × amount}, zero when U ≤ free units. */
  private static BigDecimal packageAmount(PackageProperties pack, BigDecimal units) {
    BigDecimal paidUnits = units.subtract(BigDecimal.valueOf(pack.freeUnits()));
    if (paidUnits.signum() <= 0) {
      return BigDecimal.ZERO;
    }
    BigDecimal packages =
        paidUnits.divide(BigDecimal.valueOf(pack.packageSize()), 0, RoundingMode.CEILING);
    return packages.multiply(pack.amount());
  }

  /** {@code Σ precise_total_amount_cents ÷ 10^exponent}, zero when there are no units. */
  private static BigDecimal dynamicAmount(ChargeInput input) {
    if (input.units().signum() == 0) {
      return BigDecimal.ZERO;
    }
    return input.preciseTotalAmountCents().movePointLeft(input.currency().exponent());
  }
}
