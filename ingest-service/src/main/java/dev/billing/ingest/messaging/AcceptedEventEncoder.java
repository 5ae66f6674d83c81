package dev.billing.ingest.messaging;

import dev.billing.ingest.domain.event.ParsedEvent;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;

/**
 * Writes an {@code AcceptedEventMessage} by hand: the event's own bytes are copied as sent, so no
 * JSON is re-encoded on the hot path. A contract test decodes the output with the message codec.
 */
public final class AcceptedEventEncoder {

  private AcceptedEventEncoder() {}

  public static byte[] encode(
      UUID organizationId, String source, long ingestedAtMs, ParsedEvent event) {
    byte[] head =
        ("{\"organization_id\":\""
                + organizationId
                + "\",\"source\":\""
                + source
                + "\",\"ingested_at_ms\":"
                + ingestedAtMs
                + ",\"timestamp_ms\":"
                + event.timestampMillis(ingestedAtMs)
                + ",\"event\":")
            .getBytes(StandardCharsets.US_ASCII);
    int eventLength = event.end() - event.start();
    byte[] out = Arrays.copyOf(head, head.length + eventLength + 1);
    System.arraycopy(event.source(), event.start(), out, head.length, eventLength);
    out[out.length - 1] = '}';
    return out;
  }
}
