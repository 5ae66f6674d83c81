package dev.billing.rating.domain.metric;

import java.math.RoundingMode;
import java.util.Optional;

/** A metric's {@code rounding_function}, applied to aggregated units before pricing. */
public enum RoundingFunction {
  ROUND("round", RoundingMode.HALF_UP),
  CEIL("ceil", RoundingMode.CEILING),
  FLOOR("floor", RoundingMode.FLOOR);

  private final String wireName;
  private final RoundingMode mode;

  RoundingFunction(String wireName, RoundingMode mode) {
    this.wireName = wireName;
    this.mode = mode;
  }

  public String wireName() {
    return wireName;
  }

  public RoundingMode mode() {
    return mode;
  }

  public static Optional<RoundingFunction> fromWire(String wireName) {
    for (RoundingFunction function : values()) {
      if (function.wireName.equals(wireName)) {
        return Optional.of(function);
      }
    }
    return Optional.empty();
  }
}
