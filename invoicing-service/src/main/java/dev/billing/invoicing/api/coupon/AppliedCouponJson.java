package dev.billing.invoicing.api.coupon;

import dev.billing.invoicing.domain.coupon.AppliedCoupon;
import dev.billing.invoicing.domain.coupon.Coupon;
import dev.billing.invoicing.domain.customer.Customer;
import dev.billing.invoicing.persistence.coupon.AppliedCouponRepository.StoredAppliedCoupon;
import dev.billing.invoicing.persistence.coupon.AppliedCouponRepository.StoredCredit;
import java.time.Instant;
import java.util.List;

/** Lago's {@code AppliedCouponObjectExtended}: the applied coupon and the credits it gave. */
public record AppliedCouponJson(
    String lagoId,
    String lagoCouponId,
    String couponCode,
    String couponName,
    String lagoCustomerId,
    String externalCustomerId,
    String status,
    Long amountCents,
    Long amountCentsRemaining,
    String amountCurrency,
    String percentageRate,
    String frequency,
    Integer frequencyDuration,
    Integer frequencyDurationRemaining,
    Instant expirationAt,
    Instant createdAt,
    Instant terminatedAt,
    List<CreditJson> credits) {

  public static AppliedCouponJson of(
      StoredAppliedCoupon a, Customer customer, List<StoredCredit> credits) {
    AppliedCoupon state = a.state();
    Coupon t = state.coupon();
    return new AppliedCouponJson(
        state.id(),
        a.couponId().toString(),
        t.code(),
        a.couponName(),
        customer.id().toString(),
        customer.externalId(),
        state.status().name().toLowerCase(),
        t.amount() == null ? null : t.amount().minorUnits(),
        state.amountRemaining() == null ? null : state.amountRemaining().minorUnits(),
        t.amount() == null ? null : t.amount().currency().code(),
        CouponJson.rate(t.percentageRate()),
        t.frequency().wireName(),
        t.frequencyDuration(),
        state.frequencyDurationRemaining(),
        CouponJson.seconds(t.expirationAt()),
        CouponJson.seconds(state.createdAt()),
        CouponJson.seconds(a.terminatedAt()),
        credits.stream().map(CreditJson::of).toList());
  }

  /**
   * Lago's {@code {"applied_coupon": {...}}}.
   *
   * @param appliedCoupon the applied coupon
   */
  public record Response(AppliedCouponJson appliedCoupon) {}
}
