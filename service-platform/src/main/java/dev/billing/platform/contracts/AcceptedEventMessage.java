package dev.billing.platform.contracts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
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
    // a name-based (version 3) UUID, as UUID.nameUUIDFromBytes makes, without looking up the
    // digest provider on every call
    MessageDigest md5 = MD5.get();
    byte[] hash = md5.digest(identity.getBytes(StandardCharsets.UTF_8));
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x30);
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
    long most = 0;
    long least = 0;
    for (int i = 0; i < 8; i++) {
      most = (most << 8) | (hash[i] & 0xff);
      least = (least << 8) | (hash[i + 8] & 0xff);
    }
    return new UUID(most, least);
  }

  private static final ThreadLocal<MessageDigest> MD5 =
      ThreadLocal.withInitial(
          () -> {
            try {
              return MessageDigest.getInstance("MD5");
            } catch (NoSuchAlgorithmException e) {
              throw new IllegalStateException("MD5 is missing from this JVM", e);
            }
          });
}
