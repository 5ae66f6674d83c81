package dev.billing.invoicing.app.billing;

import java.math.BigDecimal;

/**
 * A coupon to apply to a customer; the optional fields override the coupon's for this customer.
 *
 * @param externalCustomerId the customer
 * @param couponCode the coupon
 * @param amountCents override, fixed_amount only
 * @param amountCurrency override, fixed_amount only
 * @param percentageRate override, percentage only
 * @param frequency override
 * @param frequencyDuration override
 */
public record ApplyCouponCommand(
    String externalCustomerId,
    String couponCode,
    Long amountCents,
    String amountCurrency,
    BigDecimal percentageRate,
    String frequency,
    Integer frequencyDuration) {}
