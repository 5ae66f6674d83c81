package dev.billing.invoicing.domain.coupon;

/** Lago's {@code coupon_type}. */
public enum CouponType {
  FIXED_AMOUNT("fixed_amount"),
  PERCENTAGE("percentage");

  private final String wireName;

  CouponType(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
