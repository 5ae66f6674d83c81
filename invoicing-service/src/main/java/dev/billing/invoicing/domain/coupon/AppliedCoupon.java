package dev.billing.invoicing.domain.coupon;

import dev.billing.platform.money.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * A coupon applied to a customer, and how much of it is left.
 *
 * @param id the applied coupon id
 * @param coupon the effective terms
 * @param status active or terminated
 * @param amountRemaining what a fixed-amount {@code once} coupon has left (Lago's {@code
 *     amount_cents_remaining}); null for the other kinds
 * @param frequencyDurationRemaining invoices a {@code recurring} coupon has left; else null
 * @param createdAt when it was applied: the order among coupons of the same rank
 */
public record AppliedCoupon(
    String id,
    Coupon coupon,
    Status status,
    Money amountRemaining,
    Integer frequencyDurationRemaining,
    Instant createdAt) {

  /** Lago's applied-coupon status. */
  public enum Status {
    ACTIVE,
    TERMINATED
  }

  public AppliedCoupon {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(coupon, "coupon");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(createdAt, "createdAt");
  }

  /** A fresh application of {@code coupon}, with its whole amount and duration left. */
  public static AppliedCoupon of(String id, Coupon coupon, Instant createdAt) {
    boolean fixedOnce =
        coupon.type() == CouponType.FIXED_AMOUNT && coupon.frequency() == CouponFrequency.ONCE;
    Integer periods =
        coupon.frequency() == CouponFrequency.RECURRING ? coupon.frequencyDuration() : null;
    return new AppliedCoupon(
        id, coupon, Status.ACTIVE, fixedOnce ? coupon.amount() : null, periods, createdAt);
  }

  public boolean isActive() {
    return status == Status.ACTIVE;
  }

  /** The most a fixed-amount coupon can take off this invoice. */
  public Money availableAmount() {
    return amountRemaining != null ? amountRemaining : coupon.amount();
  }

  /** The state after crediting {@code credit} on one invoice. */
  AppliedCoupon afterCredit(Money credit) {
    return switch (coupon.frequency()) {
      case FOREVER -> this;
      case RECURRING -> {
        int left = frequencyDurationRemaining - 1;
        yield new AppliedCoupon(
            id, coupon, left <= 0 ? Status.TERMINATED : status, null, left, createdAt);
      }
      case ONCE -> {
        Money left = amountRemaining == null ? null : amountRemaining.minus(credit);
        boolean usedUp = left == null || left.isZero();
        yield new AppliedCoupon(
            id, coupon, usedUp ? Status.TERMINATED : status, left, null, createdAt);
      }
    };
  }

  AppliedCoupon terminated() {
    return new AppliedCoupon(
        id, coupon, Status.TERMINATED, amountRemaining, frequencyDurationRemaining, createdAt);
  }
}
