package dev.billing.platform.consumer;

import dev.billing.platform.kafka.MessageHeaders;
import java.util.Map;
import java.util.UUID;

/**
 * A message as consumed from Kafka.
 *
 * @param topic where it came from
 * @param partition its partition
 * @param offset its offset
 * @param key the Kafka key
 * @param value the payload, or null for a tombstone
 * @param headers string headers
 */
public record InboundMessage(
    String topic,
    int partition,
    long offset,
    String key,
    String value,
    Map<String, String> headers) {

  /**
   * The stable id consumers deduplicate on; a message without one is identified by its position.
   */
  public String id() {
    String id = headers.get(MessageHeaders.ID);
    return id != null && !id.isBlank() ? id : topic + ":" + partition + ":" + offset;
  }

  public String type() {
    return headers.get(MessageHeaders.TYPE);
  }

  /** The tenant named in the header, or null. */
  public UUID organizationId() {
    String org = headers.get(MessageHeaders.ORGANIZATION_ID);
    if (org == null) {
      return null;
    }
    try {
      return UUID.fromString(org);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
