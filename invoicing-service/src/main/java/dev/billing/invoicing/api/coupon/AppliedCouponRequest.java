package dev.billing.invoicing.api.coupon;

import dev.billing.invoicing.app.billing.ApplyCouponCommand;
import java.math.BigDecimal;

/**
 * Lago's {@code AppliedCouponInput}: {@code {"applied_coupon": {...}}}; the optional fields
 * override the coupon's for this customer.
 *
 * @param appliedCoupon the fields
 */
public record AppliedCouponRequest(Input appliedCoupon) {

  /**
   * @param externalCustomerId the customer
   * @param couponCode the coupon
   * @param amountCents override, fixed_amount only
   * @param amountCurrency override, fixed_amount only
   * @param percentageRate override, percentage only
   * @param frequency override
   * @param frequencyDuration override
   */
  public record Input(
      String externalCustomerId,
      String couponCode,
      Long amountCents,
      String amountCurrency,
      BigDecimal percentageRate,
      String frequency,
      Integer frequencyDuration) {

    /** The use case's command, the same fields. */
    public ApplyCouponCommand command() {
      return new ApplyCouponCommand(
          externalCustomerId,
          couponCode,
          amountCents,
          amountCurrency,
          percentageRate,
          frequency,
          frequencyDuration);
    }
  }
}
