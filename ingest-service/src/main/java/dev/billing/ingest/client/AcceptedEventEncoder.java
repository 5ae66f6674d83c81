package dev.billing.ingest.client;

import dev.billing.ingest.domain.event.ParsedEvent;
import dev.billing.ingest.domain.event.Uuids;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Writes an {@code AcceptedEventMessage} by hand into one exactly-sized array: the event's own
 * bytes are copied as sent, so no JSON is re-encoded on the hot path. A contract test decodes the
 * output with the message codec.
 */
public final class AcceptedEventEncoder {

  private static final byte[] ORGANIZATION = ascii("{\"organization_id\":\"");
  private static final byte[] SOURCE = ascii("\",\"source\":\"");
  private static final byte[] INGESTED_AT = ascii("\",\"ingested_at_ms\":");
  private static final byte[] TIMESTAMP = ascii(",\"timestamp_ms\":");
  private static final byte[] EVENT = ascii(",\"event\":");
  private static final int UUID_LENGTH = 36;

  private AcceptedEventEncoder() {}

  public static byte[] encode(
      UUID organizationId, String source, long ingestedAtMs, ParsedEvent event) {
    String ingested = Long.toString(ingestedAtMs);
    String timestamp = Long.toString(event.timestampMillis(ingestedAtMs));
    int eventLength = event.end() - event.start();
    byte[] out =
        new byte
            [ORGANIZATION.length
                + UUID_LENGTH
                + SOURCE.length
                + source.length()
                + INGESTED_AT.length
                + ingested.length()
                + TIMESTAMP.length
                + timestamp.length()
                + EVENT.length
                + eventLength
                + 1];
    int at = put(out, 0, ORGANIZATION);
    at = Uuids.writeAscii(organizationId, out, at);
    at = put(out, at, SOURCE);
    at = putAscii(out, at, source);
    at = put(out, at, INGESTED_AT);
    at = putAscii(out, at, ingested);
    at = put(out, at, TIMESTAMP);
    at = putAscii(out, at, timestamp);
    at = put(out, at, EVENT);
    System.arraycopy(event.source(), event.start(), out, at, eventLength);
    out[out.length - 1] = '}';
    return out;
  }

  private static int put(byte[] out, int at, byte[] bytes) {
    System.arraycopy(bytes, 0, out, at, bytes.length);
    return at + bytes.length;
  }

  private static int putAscii(byte[] out, int at, String ascii) {
    for (int i = 0; i < ascii.length(); i++) {
      out[at + i] = (byte) ascii.charAt(i);
    }
    return at + ascii.length();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
