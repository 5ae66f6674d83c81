package dev.billing.invoicing.domain.webhook;

import java.util.Optional;

/** Where a delivery stands: waiting for an attempt, delivered, or out of attempts. */
public enum DeliveryStatus {
  PENDING("pending"),
  SUCCEEDED("succeeded"),
  FAILED("failed");

  private final String code;

  DeliveryStatus(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static Optional<DeliveryStatus> fromCode(String code) {
    for (DeliveryStatus status : values()) {
      if (status.code.equals(code)) {
        return Optional.of(status);
      }
    }
    return Optional.empty();
  }
}
