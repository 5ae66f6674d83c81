package dev.billing.rating.domain.charge;

import dev.billing.platform.money.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * The true-up fee of a spending minimum: {@code amount} is what is billed (prorated minimum minus
 * the rounded fees, rounded); {@code preciseAmount} is the prorated minimum minus the precise fees.
 * Both zero when the minimum is met.
 */
public record TrueUpAmount(BigDecimal preciseAmount, Money amount) {

  public TrueUpAmount {
    Objects.requireNonNull(preciseAmount, "preciseAmount");
    Objects.requireNonNull(amount, "amount");
  }

  /** True when the fees reached the minimum and no true-up fee is due. */
  public boolean isNone() {
    return amount.isZero() && preciseAmount.signum() == 0;
  }
}
