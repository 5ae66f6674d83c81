package dev.billing.rating.domain.charge;

import java.math.BigDecimal;
import java.util.Objects;

/** Standard model: a price per unit in major units ({@code "amount":"0.05"}). */
public record StandardProperties(BigDecimal amount) implements ChargeProperties {

  public StandardProperties {
    Objects.requireNonNull(amount, "amount");
  }

  @Override
  public ChargeModel model() {
    return ChargeModel.STANDARD;
  }
}
