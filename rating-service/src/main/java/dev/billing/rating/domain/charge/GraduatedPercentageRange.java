package dev.billing.rating.domain.charge;

import java.math.BigDecimal;
import java.util.Objects;

/** One tier of a graduated percentage charge: a rate in percent and a flat amount. */
public record GraduatedPercentageRange(
    long fromValue, Long toValue, BigDecimal rate, BigDecimal flatAmount) implements TierBounds {

  public GraduatedPercentageRange {
    Objects.requireNonNull(rate, "rate");
    Objects.requireNonNull(flatAmount, "flatAmount");
  }
}
