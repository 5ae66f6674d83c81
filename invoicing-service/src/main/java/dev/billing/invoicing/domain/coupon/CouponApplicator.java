package dev.billing.invoicing.domain.coupon;

import dev.billing.platform.money.CurrencyUnit;
import dev.billing.platform.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a customer's coupons to an invoice's fees, before tax, as Lago does: metric-limited
 * coupons first, then plan-limited, then unlimited, each group by application date. A coupon's base
 * is what is left of the fees it targets (all fees when unlimited), never more than what is left of
 * the invoice; a percentage takes {@code round(base × rate / 100)}, a fixed amount at most its
 * base. Each credit is spread over the targeted fees pro rata. Application stops once the invoice
 * is down to zero; coupons not reached keep their state.
 *
 * <p>Skipped and left unchanged: a fixed-amount coupon in another currency than the invoice (Lago
 * requires them to match), and a limited coupon none of whose fees are on the invoice. An expired
 * coupon is not applied and comes back terminated.
 */
public final class CouponApplicator {

  private static final int SCALE = 12;
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private static final Comparator<AppliedCoupon> LAGO_ORDER =
      Comparator.comparingInt((AppliedCoupon c) -> c.coupon().applicationRank())
          .thenComparing(AppliedCoupon::createdAt)
          .thenComparing(AppliedCoupon::id);

  /**
   * Applies {@code coupons} to {@code fees} of an invoice in {@code currency}, finalized at {@code
   * at}.
   */
  public CouponApplication apply(
      CurrencyUnit currency, List<AppliedCoupon> coupons, List<DiscountableFee> fees, Instant at) {
    Map<String, BigDecimal> leftByFee = new LinkedHashMap<>();
    Map<String, BigDecimal> creditedByFee = new LinkedHashMap<>();
    Money invoiceLeft = Money.zero(currency);
    for (DiscountableFee fee : fees) {
      leftByFee.merge(fee.key(), fee.amount().amount(), BigDecimal::add);
      invoiceLeft = invoiceLeft.plus(fee.amount());
    }
    Map<String, AppliedCoupon> states = new LinkedHashMap<>();
    coupons.forEach(c -> states.put(c.id(), c));
    List<CouponCredit> credits = new ArrayList<>();
    Money total = Money.zero(currency);
    List<AppliedCoupon> ordered =
        coupons.stream().filter(AppliedCoupon::isActive).sorted(LAGO_ORDER).toList();
    for (AppliedCoupon applied : ordered) {
      if (applied.coupon().isExpiredAt(at)) {
        states.put(applied.id(), applied.terminated());
        continue;
      }
      if (invoiceLeft.isZero() || !sameCurrency(applied, currency)) {
        continue;
      }
      List<String> targeted = targetedFees(applied.coupon(), fees, leftByFee);
      BigDecimal base =
          targeted.stream().map(leftByFee::get).reduce(BigDecimal.ZERO, BigDecimal::add);
      Money cappedBase = Money.roundedFrom(base, currency).min(invoiceLeft);
      if (cappedBase.isZero()) {
        continue;
      }
      Money credit = creditOn(applied, cappedBase);
      for (String key : targeted) {
        BigDecimal share =
            credit.amount().multiply(leftByFee.get(key)).divide(base, SCALE, RoundingMode.HALF_UP);
        leftByFee.merge(key, share.negate(), BigDecimal::add);
        creditedByFee.merge(key, share, BigDecimal::add);
      }
      invoiceLeft = invoiceLeft.minus(credit);
      total = total.plus(credit);
      credits.add(new CouponCredit(applied.id(), applied.coupon().code(), credit));
      states.put(applied.id(), applied.afterCredit(credit));
    }
    return new CouponApplication(credits, total, List.copyOf(states.values()), creditedByFee);
  }

  private static Money creditOn(AppliedCoupon applied, Money base) {
    if (applied.coupon().type() == CouponType.PERCENTAGE) {
      BigDecimal precise =
          base.amount().multiply(applied.coupon().percentageRate()).divide(HUNDRED);
      return Money.roundedFrom(precise, base.currency()).min(base);
    }
    return applied.availableAmount().min(base);
  }

  private static boolean sameCurrency(AppliedCoupon applied, CurrencyUnit currency) {
    return applied.coupon().type() != CouponType.FIXED_AMOUNT
        || applied.availableAmount().currency().code().equals(currency.code());
  }

  private static List<String> targetedFees(
      Coupon coupon, List<DiscountableFee> fees, Map<String, BigDecimal> leftByFee) {
    return fees.stream()
        .filter(fee -> fee.isTargetedBy(coupon))
        .map(DiscountableFee::key)
        .distinct()
        .filter(key -> leftByFee.get(key).signum() > 0)
        .toList();
  }
}
