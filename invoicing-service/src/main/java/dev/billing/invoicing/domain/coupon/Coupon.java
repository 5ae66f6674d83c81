package dev.billing.invoicing.domain.coupon;

import dev.billing.invoicing.domain.ErrorCode;
import dev.billing.platform.error.ValidationErrors;
import dev.billing.platform.money.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * A discount's terms: those of the coupon, with the overrides of its application to a customer
 * already merged in (Lago lets {@code POST /applied_coupons} override amount, rate and frequency).
 *
 * @param code the coupon code
 * @param type fixed amount or percentage
 * @param amount the fixed amount per application (and its currency), null for a percentage
 * @param percentageRate the rate in percent (10 means 10 %), null for a fixed amount
 * @param frequency once, recurring or forever
 * @param frequencyDuration number of invoices for a recurring coupon, else null
 * @param expirationAt the instant it stops being valid, or null ({@code no_expiration})
 * @param planCodes {@code applies_to.plan_codes}: empty when not limited to plans
 * @param billableMetricCodes {@code applies_to.billable_metric_codes}: empty when not limited
 */
public record Coupon(
    String code,
    CouponType type,
    Money amount,
    BigDecimal percentageRate,
    CouponFrequency frequency,
    Integer frequencyDuration,
    Instant expirationAt,
    Set<String> planCodes,
    Set<String> billableMetricCodes) {

  public Coupon {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(frequency, "frequency");
    planCodes = planCodes == null ? Set.of() : Set.copyOf(planCodes);
    billableMetricCodes = billableMetricCodes == null ? Set.of() : Set.copyOf(billableMetricCodes);
  }

  public static Coupon fixedAmount(
      String code, Money amount, CouponFrequency frequency, Integer frequencyDuration) {
    return new Coupon(
        code,
        CouponType.FIXED_AMOUNT,
        amount,
        null,
        frequency,
        frequencyDuration,
        null,
        Set.of(),
        Set.of());
  }

  public static Coupon percentage(
      String code, BigDecimal rate, CouponFrequency frequency, Integer frequencyDuration) {
    return new Coupon(
        code,
        CouponType.PERCENTAGE,
        null,
        rate,
        frequency,
        frequencyDuration,
        null,
        Set.of(),
        Set.of());
  }

  public Coupon limitedToPlans(Set<String> codes) {
    return new Coupon(
        code,
        type,
        amount,
        percentageRate,
        frequency,
        frequencyDuration,
        expirationAt,
        codes,
        billableMetricCodes);
  }

  public Coupon limitedToBillableMetrics(Set<String> codes) {
    return new Coupon(
        code,
        type,
        amount,
        percentageRate,
        frequency,
        frequencyDuration,
        expirationAt,
        planCodes,
        codes);
  }

  public Coupon expiringAt(Instant at) {
    return new Coupon(
        code,
        type,
        amount,
        percentageRate,
        frequency,
        frequencyDuration,
        at,
        planCodes,
        billableMetricCodes);
  }

  /** Whether it can no longer be used at {@code at}. */
  public boolean isExpiredAt(Instant at) {
    return expirationAt != null && !at.isBefore(expirationAt);
  }

  /** Lago's application order: metric-limited (0), then plan-limited (1), then unlimited (2). */
  public int applicationRank() {
    if (!billableMetricCodes.isEmpty()) {
      return 0;
    }
    return planCodes.isEmpty() ? 2 : 1;
  }

  /** Lago-style {@code error_details} for the coupon fields; empty when valid. */
  public ValidationErrors validate() {
    ValidationErrors errors = new ValidationErrors();
    if (type == CouponType.FIXED_AMOUNT && (amount == null || amount.isNegative())) {
      errors.add("amount_cents", ErrorCode.VALUE_IS_MANDATORY.code());
    }
    if (type == CouponType.PERCENTAGE
        && (percentageRate == null
            || percentageRate.signum() < 0
            || percentageRate.compareTo(BigDecimal.valueOf(100)) > 0)) {
      errors.add("percentage_rate", ErrorCode.VALUE_IS_OUT_OF_RANGE.code());
    }
    if (frequency == CouponFrequency.RECURRING
        && (frequencyDuration == null || frequencyDuration <= 0)) {
      errors.add("frequency_duration", ErrorCode.VALUE_IS_MANDATORY.code());
    }
    if (!planCodes.isEmpty() && !billableMetricCodes.isEmpty()) {
      errors.add("base", ErrorCode.ONLY_ONE_LIMITATION_TYPE_PER_COUPON_ALLOWED.code());
    }
    return errors;
  }
}
