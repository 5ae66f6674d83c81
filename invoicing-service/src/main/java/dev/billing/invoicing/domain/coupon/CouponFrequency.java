package dev.billing.invoicing.domain.coupon;

/** Lago's coupon {@code frequency}: how many invoices a coupon applies to. */
public enum CouponFrequency {
  /** Until a fixed amount is used up (the remainder carries over), or one use for a percentage. */
  ONCE("once"),
  /** On {@code frequency_duration} invoices, the whole amount or rate each time. */
  RECURRING("recurring"),
  /** On every invoice. */
  FOREVER("forever");

  private final String wireName;

  CouponFrequency(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }
}
