package dev.billing.invoicing.domain.coupon;

import dev.billing.platform.money.Money;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The outcome of applying a customer's coupons to one invoice.
 *
 * @param credits one per coupon that took something off, in application order
 * @param totalAmount the invoice's {@code coupons_amount_cents}
 * @param coupons every applied coupon given, in the order given, with its new state
 * @param preciseCouponsAmountByFee each fee's share of the credits in major units (Lago's {@code
 *     precise_coupons_amount_cents}, the base of its taxes)
 */
public record CouponApplication(
    List<CouponCredit> credits,
    Money totalAmount,
    List<AppliedCoupon> coupons,
    Map<String, BigDecimal> preciseCouponsAmountByFee) {

  public CouponApplication {
    credits = List.copyOf(credits);
    coupons = List.copyOf(coupons);
    preciseCouponsAmountByFee = Map.copyOf(preciseCouponsAmountByFee);
  }
}
