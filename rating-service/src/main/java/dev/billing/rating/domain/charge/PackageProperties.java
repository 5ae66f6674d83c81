package dev.billing.rating.domain.charge;

import java.math.BigDecimal;
import java.util.Objects;

/** Package model: {@code amount} per started package of {@code packageSize} units. */
public record PackageProperties(BigDecimal amount, long packageSize, long freeUnits)
    implements ChargeProperties {

  public PackageProperties {
    Objects.requireNonNull(amount, "amount");
    if (packageSize <= 0) {
      throw new IllegalArgumentException("packageSize must be positive");
    }
    if (freeUnits < 0) {
      throw new IllegalArgumentException("freeUnits must not be negative");
    }
  }

  @Override
  public ChargeModel model() {
    return ChargeModel.PACKAGE;
  }
}
