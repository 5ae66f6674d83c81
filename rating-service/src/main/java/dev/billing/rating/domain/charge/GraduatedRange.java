package dev.billing.rating.domain.charge;

import java.math.BigDecimal;
import java.util.Objects;

/** One tier of a graduated charge; {@code toValue} is null for the last tier. */
public record GraduatedRange(
    long fromValue, Long toValue, BigDecimal perUnitAmount, BigDecimal flatAmount)
    implements TierBounds {

  public GraduatedRange {
    Objects.requireNonNull(perUnitAmount, "perUnitAmount");
    Objects.requireNonNull(flatAmount, "flatAmount");
  }
}
