package dev.billing.platform.billing;

import java.util.Arrays;
import java.util.Optional;

/** Where billing periods start; the wire names are Lago's {@code subscription.billing_time}. */
public enum BillingTime {
  /** Periods align to Monday, the 1st of the month, or Jan 1 / Apr 1 / Jul 1 / Oct 1. */
  CALENDAR("calendar"),
  /** Periods start on the subscription's own day. */
  ANNIVERSARY("anniversary");

  private final String wireName;

  BillingTime(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  public static Optional<BillingTime> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
  }
}
