package dev.billing.invoicing.domain.coupon;

import dev.billing.platform.money.Money;

/**
 * What one applied coupon took off one invoice (Lago's {@code credit} of item type coupon).
 *
 * @param appliedCouponId the applied coupon
 * @param couponCode its coupon code
 * @param amount the credit, never more than what was left of its base
 */
public record CouponCredit(String appliedCouponId, String couponCode, Money amount) {}
