package dev.billing.platform.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Header names every message of ours carries, and small helpers to read them. */
public final class MessageHeaders {

  /** Stable message id; a consumer that saw it before ignores the message. */
  public static final String ID = "id";

  /**
   * Message type, e.g. {@code organization.updated}; with {@link #SCHEMA_VERSION} it names a
   * contract.
   */
  public static final String TYPE = "type";

  public static final String SCHEMA_VERSION = "schema_version";
  public static final String ORGANIZATION_ID = "organization_id";

  /** On a dead-lettered message: why, which consumer, and where it came from. */
  public static final String DLQ_REASON = "dlq_reason";

  public static final String DLQ_CONSUMER = "dlq_consumer";
  public static final String DLQ_ORIGINAL_TOPIC = "dlq_original_topic";
  public static final String DLQ_ORIGINAL_PARTITION = "dlq_original_partition";
  public static final String DLQ_ORIGINAL_OFFSET = "dlq_original_offset";

  public static String get(Headers headers, String name) {
    Header header = headers.lastHeader(name);
    return header == null || header.value() == null
        ? null
        : new String(header.value(), StandardCharsets.UTF_8);
  }

  public static void put(Headers headers, String name, String value) {
    headers.remove(name);
    if (value != null) {
      headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
  }

  private MessageHeaders() {}
}
