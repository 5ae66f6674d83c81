package dev.billing.invoicing.api.coupon;

import dev.billing.invoicing.domain.coupon.Coupon;
import dev.billing.invoicing.persistence.coupon.CouponRepository.StoredCoupon;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Lago's {@code CouponObject}. */
public record CouponJson(
    String lagoId,
    String name,
    String code,
    String description,
    String couponType,
    Long amountCents,
    String amountCurrency,
    boolean reusable,
    boolean limitedPlans,
    List<String> planCodes,
    boolean limitedBillableMetrics,
    List<String> billableMetricCodes,
    String percentageRate,
    String frequency,
    Integer frequencyDuration,
    String expiration,
    Instant expirationAt,
    Instant createdAt,
    Instant terminatedAt) {

  public static CouponJson of(StoredCoupon c) {
    Coupon t = c.terms();
    return new CouponJson(
        c.id().toString(),
        c.name(),
        t.code(),
        c.description(),
        t.type().wireName(),
        t.amount() == null ? null : t.amount().minorUnits(),
        t.amount() == null ? null : t.amount().currency().code(),
        c.reusable(),
        !t.planCodes().isEmpty(),
        t.planCodes().stream().sorted().toList(),
        !t.billableMetricCodes().isEmpty(),
        t.billableMetricCodes().stream().sorted().toList(),
        rate(t.percentageRate()),
        t.frequency().wireName(),
        t.frequencyDuration(),
        t.expirationAt() == null ? "no_expiration" : "time_limit",
        seconds(t.expirationAt()),
        seconds(c.createdAt()),
        seconds(c.terminatedAt()));
  }

  /** A rate as Lago prints a decimal: {@code "10.0"}, {@code "12.5"}. */
  public static String rate(BigDecimal rate) {
    if (rate == null) {
      return null;
    }
    BigDecimal plain = rate.stripTrailingZeros();
    return plain.scale() <= 0 ? plain.setScale(1).toPlainString() : plain.toPlainString();
  }

  static Instant seconds(Instant at) {
    return at == null ? null : at.truncatedTo(ChronoUnit.SECONDS);
  }

  /**
   * Lago's {@code {"coupon": {...}}}.
   *
   * @param coupon the coupon
   */
  public record Response(CouponJson coupon) {}
}
