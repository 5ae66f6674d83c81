package dev.billing.ingest.api;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.billing.ingest.domain.event.ParsedEvent;
import dev.billing.platform.contracts.AcceptedEventMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Lago's {@code EventCreated} / {@code EventsCreated} answers, streamed straight to bytes; the
 * properties object is copied from the request as sent.
 */
final class EventResponseWriter {

  private static final JsonFactory JSON = new JsonFactory();
  private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_INSTANT;

  private EventResponseWriter() {}

  static byte[] single(UUID organizationId, ParsedEvent event, long receivedAtMs) {
    return write(organizationId, List.of(event), receivedAtMs, "event");
  }

  static byte[] batch(UUID organizationId, List<ParsedEvent> events, long receivedAtMs) {
    return write(organizationId, events, receivedAtMs, "events");
  }

  private static byte[] write(
      UUID organizationId, List<ParsedEvent> events, long receivedAtMs, String root) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 + events.size() * 320);
    String createdAt =
        ISO.format(Instant.ofEpochMilli(receivedAtMs).truncatedTo(ChronoUnit.SECONDS));
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeFieldName(root);
      boolean many = "events".equals(root);
      if (many) {
        g.writeStartArray();
      }
      for (ParsedEvent event : events) {
        writeEvent(g, organizationId, event, receivedAtMs, createdAt);
      }
      if (many) {
        g.writeEndArray();
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void writeEvent(
      JsonGenerator g, UUID org, ParsedEvent event, long receivedAtMs, String createdAt)
      throws IOException {
    g.writeStartObject();
    g.writeStringField(
        "lago_id",
        AcceptedEventMessage.lagoId(org, event.externalSubscriptionId(), event.transactionId())
            .toString());
    g.writeStringField("transaction_id", event.transactionId());
    g.writeNullField("lago_customer_id");
    g.writeStringField("code", event.code());
    g.writeStringField(
        "timestamp", ISO.format(Instant.ofEpochMilli(event.timestampMillis(receivedAtMs))));
    if (event.preciseTotalAmountCents() == null) {
      g.writeNullField("precise_total_amount_cents");
    } else {
      g.writeStringField("precise_total_amount_cents", event.preciseTotalAmountCents());
    }
    g.writeFieldName("properties");
    if (event.hasProperties()) {
      g.writeRawValue(
          new String(
              event.source(),
              event.propertiesStart(),
              event.propertiesEnd() - event.propertiesStart(),
              java.nio.charset.StandardCharsets.UTF_8));
    } else {
      g.writeRawValue("{}");
    }
    g.writeNullField("lago_subscription_id");
    g.writeStringField("external_subscription_id", event.externalSubscriptionId());
    g.writeStringField("created_at", createdAt);
    g.writeEndObject();
  }
}
