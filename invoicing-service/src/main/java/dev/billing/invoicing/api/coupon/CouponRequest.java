package dev.billing.invoicing.api.coupon;

import java.math.BigDecimal;
import java.util.List;

/**
 * Lago's {@code CouponCreateInput} / {@code CouponUpdateInput}: {@code {"coupon": {...}}}.
 *
 * @param coupon the fields
 */
public record CouponRequest(Input coupon) {

  /**
   * @param name required on create
   * @param code required on create, unique per organization
   * @param description free text
   * @param couponType fixed_amount or percentage
   * @param amountCents for fixed_amount, > 0
   * @param amountCurrency for fixed_amount
   * @param percentageRate for percentage, in percent
   * @param frequency once (default), recurring or forever
   * @param frequencyDuration invoices, for recurring
   * @param expiration no_expiration (default) or time_limit
   * @param expirationAt ISO 8601 instant in the future, for time_limit
   * @param reusable true by default
   * @param appliesTo plan or billable-metric limits
   */
  public record Input(
      String name,
      String code,
      String description,
      String couponType,
      Long amountCents,
      String amountCurrency,
      BigDecimal percentageRate,
      String frequency,
      Integer frequencyDuration,
      String expiration,
      String expirationAt,
      Boolean reusable,
      AppliesTo appliesTo) {}

  /**
   * @param planCodes plans the coupon is limited to
   * @param billableMetricCodes metrics the coupon is limited to
   */
  public record AppliesTo(List<String> planCodes, List<String> billableMetricCodes) {}
}
