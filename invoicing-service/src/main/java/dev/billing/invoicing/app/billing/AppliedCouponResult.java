package dev.billing.invoicing.app.billing;

import dev.billing.invoicing.domain.customer.Customer;
import dev.billing.invoicing.persistence.coupon.AppliedCouponRepository.StoredAppliedCoupon;

/**
 * A coupon application as a use case left it.
 *
 * @param applied the application, read back
 * @param customer its customer (its currency set by a fixed amount when it had none)
 */
public record AppliedCouponResult(StoredAppliedCoupon applied, Customer customer) {}
