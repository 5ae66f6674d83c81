package dev.billing.rating.domain.metric;

import java.math.BigDecimal;

/** Applies a metric's rounding rule to aggregated units (Lago's ApplyRoundingService). */
public final class UnitsRounding {

  private UnitsRounding() {}

  /**
   * Rounds {@code units} to {@code precision} decimals (default 0; a negative precision rounds to
   * tens, hundreds…), or returns them unchanged when {@code function} is null.
   */
  public static BigDecimal apply(BigDecimal units, RoundingFunction function, Integer precision) {
    if (function == null) {
      return units;
    }
    BigDecimal rounded = units.setScale(precision == null ? 0 : precision, function.mode());
    return rounded.scale() < 0 ? rounded.setScale(0) : rounded;
  }
}
