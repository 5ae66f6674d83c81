package dev.billing.rating.domain.usage;

import dev.billing.rating.domain.metric.MeteredEvent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * An accepted event as metering uses it.
 *
 * @param organizationId the tenant
 * @param externalSubscriptionId the subscription it names
 * @param transactionId the client's id
 * @param code the billable metric code
 * @param timestamp the event time (ms precision)
 * @param properties property values as strings (numbers in their JSON text)
 * @param preciseTotalAmountCents for the dynamic model, or zero
 */
public record RatedEvent(
    UUID organizationId,
    String externalSubscriptionId,
    String transactionId,
    String code,
    Instant timestamp,
    Map<String, String> properties,
    BigDecimal preciseTotalAmountCents) {

  public MeteredEvent metered() {
    return new MeteredEvent(transactionId, timestamp, properties);
  }
}
