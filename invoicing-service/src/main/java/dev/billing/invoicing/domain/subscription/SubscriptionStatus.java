package dev.billing.invoicing.domain.subscription;

import java.util.Arrays;
import java.util.Optional;

/** Lago's subscription statuses (wire names in lower case). */
public enum SubscriptionStatus {
  /** Waiting for its start date, or for the end of the period of a downgrade. */
  PENDING,
  ACTIVE,
  /** Ended after it was active. */
  TERMINATED,
  /** Ended before it was ever active. */
  CANCELED;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Optional<SubscriptionStatus> fromWireName(String name) {
    return Arrays.stream(values()).filter(s -> s.wireName().equals(name)).findFirst();
  }
}
