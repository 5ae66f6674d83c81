package dev.billing.rating.domain.charge;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Optional;

/** Reads Lago's JSON property values the way Lago's validators accept them. */
final class JsonValues {

  private JsonValues() {}

  /**
   * A non-negative decimal given as a string ({@code "0.05"}). Lago accepts only strings for
   * prices, so that no float ever touches an amount; a JSON number is invalid.
   */
  static Optional<BigDecimal> amount(Object value) {
    return decimalString(value).filter(d -> d.signum() >= 0);
  }

  static Optional<BigDecimal> decimalString(Object value) {
    if (!(value instanceof String text) || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BigDecimal(text.strip()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** A JSON integer (not a float, not a string), as Ruby's {@code is_a?(Integer)}. */
  static Optional<Long> integer(Object value) {
    if (value instanceof Integer || value instanceof Long) {
      return Optional.of(((Number) value).longValue());
    }
    if (value instanceof Short || value instanceof Byte) {
      return Optional.of(((Number) value).longValue());
    }
    if (value instanceof BigInteger big && big.bitLength() < Long.SIZE) {
      return Optional.of(big.longValue());
    }
    return Optional.empty();
  }
}
