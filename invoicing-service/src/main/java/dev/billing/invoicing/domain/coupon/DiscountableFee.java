package dev.billing.invoicing.domain.coupon;

import dev.billing.invoicing.domain.invoice.FeeLine;
import dev.billing.platform.money.Money;
import java.util.Objects;

/**
 * A fee as coupons see it: its amount and what a limited coupon can target.
 *
 * @param key the fee line's key
 * @param amount the rounded fee amount
 * @param planCode the plan of the fee's subscription, or null (add-ons)
 * @param billableMetricCode the metric of a charge fee, or null
 */
public record DiscountableFee(
    String key, Money amount, String planCode, String billableMetricCode) {

  public DiscountableFee {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(amount, "amount");
    if (amount.isNegative()) {
      throw new IllegalArgumentException("a discountable fee cannot be negative: " + key);
    }
  }

  public static DiscountableFee of(FeeLine line, String planCode, String billableMetricCode) {
    return new DiscountableFee(line.key(), line.amount(), planCode, billableMetricCode);
  }

  /** Whether {@code coupon} may take something off this fee. */
  public boolean isTargetedBy(Coupon coupon) {
    if (!coupon.billableMetricCodes().isEmpty()) {
      return billableMetricCode != null
          && coupon.billableMetricCodes().contains(billableMetricCode);
    }
    if (!coupon.planCodes().isEmpty()) {
      return planCode != null && coupon.planCodes().contains(planCode);
    }
    return true;
  }
}
