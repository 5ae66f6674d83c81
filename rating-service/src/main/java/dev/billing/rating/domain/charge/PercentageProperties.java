package dev.billing.rating.domain.charge;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Percentage model. {@code rate} is in percent ("1.2" means 1.2 %); {@code fixedAmount} is charged
 * per paying event (zero when Lago's {@code fixed_amount} is absent). The nullable fields are
 * absent unless set.
 */
public record PercentageProperties(
    BigDecimal rate,
    BigDecimal fixedAmount,
    Long freeUnitsPerEvents,
    BigDecimal freeUnitsPerTotalAggregation,
    BigDecimal perTransactionMinAmount,
    BigDecimal perTransactionMaxAmount)
    implements ChargeProperties {

  public PercentageProperties {
    Objects.requireNonNull(rate, "rate");
    fixedAmount = fixedAmount == null ? BigDecimal.ZERO : fixedAmount;
  }

  /** Only a rate: no fixed amount, no free units, no per-transaction bounds. */
  public static PercentageProperties ofRate(BigDecimal rate) {
    return new PercentageProperties(rate, BigDecimal.ZERO, null, null, null, null);
  }

  boolean hasPerTransactionBounds() {
    return perTransactionMinAmount != null || perTransactionMaxAmount != null;
  }

  @Override
  public ChargeModel model() {
    return ChargeModel.PERCENTAGE;
  }
}
