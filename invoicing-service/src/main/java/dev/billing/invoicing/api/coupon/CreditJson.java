package dev.billing.invoicing.api.coupon;

import dev.billing.invoicing.persistence.coupon.AppliedCouponRepository.StoredCredit;

/** Lago's {@code CreditObject} for a coupon: applied before taxes. */
public record CreditJson(
    String lagoId,
    long amountCents,
    String amountCurrency,
    boolean beforeTaxes,
    Item item,
    InvoiceRef invoice) {

  /**
   * @param lagoItemId the applied coupon
   * @param type always {@code coupon} here
   * @param code the coupon's code
   * @param name the coupon's name
   */
  public record Item(String lagoItemId, String type, String code, String name) {}

  /**
   * @param lagoId the invoice
   * @param paymentStatus its payment status
   */
  public record InvoiceRef(String lagoId, String paymentStatus) {}

  public static CreditJson of(StoredCredit c) {
    return new CreditJson(
        c.id().toString(),
        c.amount().minorUnits(),
        c.amount().currency().code(),
        true,
        new Item(c.appliedCouponId().toString(), "coupon", c.couponCode(), c.couponName()),
        new InvoiceRef(c.invoiceId().toString(), c.invoicePaymentStatus()));
  }
}
