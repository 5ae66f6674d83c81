package dev.billing.platform.contracts;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Contract of {@code billing.events.accepted} (version {@value #VERSION}): a usage event that
 * passed validation, keyed by {@link #key organization + external_subscription_id} so one
 * subscription's events stay in order. {@code event} is the event exactly as the client sent it.
 * Written by ingest-service without a mapper for speed; this record is how consumers read it.
 *
 * @param organizationId the tenant
 * @param source {@code http} or {@code kafka}
 * @param ingestedAtMs when ingest accepted it (Unix ms)
 * @param timestampMs the event time: its {@code timestamp} truncated to ms, or the ingest time
 * @param event the event as sent
 */
public record AcceptedEventMessage(
    UUID organizationId, String source, long ingestedAtMs, long timestampMs, Event event) {

  public static final int VERSION = 1;

  /**
   * Lago's event input.
   *
   * @param transactionId the client's id; with the subscription, the identity of the event
   * @param code billable metric code
   * @param externalSubscriptionId the subscription
   * @param timestamp Unix seconds as sent (number or string), or null
   * @param properties strings, numbers (BigDecimal or integers), booleans, nulls
   * @param preciseTotalAmountCents decimal, for the dynamic charge model
   */
  public record Event(
      String transactionId,
      String code,
      String externalSubscriptionId,
      Object timestamp,
      Map<String, Object> properties,
      String preciseTotalAmountCents) {}

  /** The Kafka key: {@code <organization id>:<external_subscription_id>}. */
  public static String key(UUID organizationId, String externalSubscriptionId) {
    return organizationId + ":" + externalSubscriptionId;
  }

  /**
   * The event's {@code lago_id}: the same for every copy of the same organization, subscription and
   * transaction_id, so a retry and its original answer with one id.
   */
  public static UUID lagoId(UUID organizationId, String externalSubscriptionId, String txId) {
    String identity = organizationId + "/" + externalSubscriptionId + "/" + txId;
    return UUID.nameUUIDFromBytes(identity.getBytes(StandardCharsets.UTF_8));
  }
}
