package dev.billing.rating.domain.charge;

import java.math.BigDecimal;
import java.util.Objects;

/** One tier of a volume charge; {@code toValue} is null for the last tier. */
public record VolumeRange(
    long fromValue, Long toValue, BigDecimal perUnitAmount, BigDecimal flatAmount)
    implements TierBounds {

  public VolumeRange {
    Objects.requireNonNull(perUnitAmount, "perUnitAmount");
    Objects.requireNonNull(flatAmount, "flatAmount");
  }
}
