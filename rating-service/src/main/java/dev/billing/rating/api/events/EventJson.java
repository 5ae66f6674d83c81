package dev.billing.rating.api.events;

import dev.billing.platform.contracts.AcceptedEventMessage;
import dev.billing.rating.persistence.StoredEvent;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/** Lago's {@code EventObject}, from the ledger. */
public record EventJson(
    String lagoId,
    String transactionId,
    String lagoCustomerId,
    String code,
    String timestamp,
    String preciseTotalAmountCents,
    Map<String, Object> properties,
    String lagoSubscriptionId,
    String externalSubscriptionId,
    String createdAt) {

  static EventJson of(StoredEvent stored) {
    var e = stored.event();
    String precise =
        e.preciseTotalAmountCents() == null || e.preciseTotalAmountCents().signum() == 0
            ? null
            : e.preciseTotalAmountCents().stripTrailingZeros().toPlainString();
    return new EventJson(
        AcceptedEventMessage.lagoId(
                e.organizationId(), e.externalSubscriptionId(), e.transactionId())
            .toString(),
        e.transactionId(),
        null,
        e.code(),
        e.timestamp().truncatedTo(ChronoUnit.MILLIS).toString(),
        precise,
        stored.properties(),
        null,
        e.externalSubscriptionId(),
        stored.ingestedAt().truncatedTo(ChronoUnit.SECONDS).toString());
  }
}
