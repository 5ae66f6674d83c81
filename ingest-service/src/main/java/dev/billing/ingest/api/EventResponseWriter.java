package dev.billing.ingest.api;

import dev.billing.ingest.domain.event.ParsedEvent;
import dev.billing.platform.contracts.AcceptedEventMessage;
import java.util.List;
import java.util.UUID;

/**
 * Lago's {@code EventCreated} / {@code EventsCreated} answers, written as bytes: the ids and the
 * properties object are copied from the request exactly as the client encoded them, so nothing is
 * escaped twice. (The answer is larger than the request; this is the hot path.)
 */
final class EventResponseWriter {

  private EventResponseWriter() {}

  static byte[] single(UUID organizationId, ParsedEvent event, long receivedAtMs) {
    ResponseBytes out = new ResponseBytes(512);
    out.appendAscii("{\"event\":");
    writeEvent(out, organizationId, event, receivedAtMs);
    return out.append('}').toByteArray();
  }

  static byte[] batch(UUID organizationId, List<ParsedEvent> events, long receivedAtMs) {
    ResponseBytes out = new ResponseBytes(64 + events.size() * 420);
    out.appendAscii("{\"events\":[");
    for (int i = 0; i < events.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      writeEvent(out, organizationId, events.get(i), receivedAtMs);
    }
    return out.appendAscii("]}").toByteArray();
  }

  private static void writeEvent(
      ResponseBytes out, UUID org, ParsedEvent event, long receivedAtMs) {
    UUID lagoId =
        AcceptedEventMessage.lagoId(org, event.externalSubscriptionId(), event.transactionId());
    out.appendAscii("{\"lago_id\":\"").appendUuid(lagoId);
    out.appendAscii("\",\"transaction_id\":");
    token(out, event, ParsedEvent.TRANSACTION_ID);
    out.appendAscii(",\"lago_customer_id\":null,\"code\":");
    token(out, event, ParsedEvent.CODE);
    out.appendAscii(",\"timestamp\":");
    IsoInstant.writeMillis(out, event.timestampMillis(receivedAtMs));
    out.appendAscii(",\"precise_total_amount_cents\":");
    if (event.preciseTotalAmountCents() == null) {
      out.appendAscii("null");
    } else {
      // a validated decimal: digits, a sign and a point, nothing to escape
      out.append('"').appendAscii(event.preciseTotalAmountCents()).append('"');
    }
    out.appendAscii(",\"properties\":");
    if (event.hasProperties()) {
      out.append(event.source(), event.propertiesStart(), event.propertiesEnd());
    } else {
      out.appendAscii("{}");
    }
    out.appendAscii(",\"lago_subscription_id\":null,\"external_subscription_id\":");
    token(out, event, ParsedEvent.EXTERNAL_SUBSCRIPTION_ID);
    out.appendAscii(",\"created_at\":");
    IsoInstant.writeSeconds(out, receivedAtMs);
    out.append('}');
  }

  private static void token(ResponseBytes out, ParsedEvent event, int field) {
    int[] tokens = event.idTokens();
    out.append(event.source(), tokens[field], tokens[field + 1]);
  }
}
