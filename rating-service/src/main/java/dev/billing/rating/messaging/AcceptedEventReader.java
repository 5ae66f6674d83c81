package dev.billing.rating.messaging;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.billing.platform.contracts.AcceptedEventMessage;
import dev.billing.platform.contracts.MessageCodec;
import dev.billing.platform.contracts.UndecodableMessageException;
import dev.billing.rating.domain.usage.PropertyValues;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Reads an {@link AcceptedEventMessage} in one pass over its JSON, keeping what metering needs: the
 * properties as the strings metering compares, and their JSON object as it came, for the ledger.
 * Binding the record and re-encoding its properties map was a fifth of what metering allocated per
 * event, and the garbage collections it brings are what API requests wait behind while a backlog is
 * metered. Reads the same values as {@link MessageCodec#decode} of the record: unknown fields
 * ignored, numbers in their plain text, a property that is null absent.
 */
final class AcceptedEventReader {

  /**
   * What metering reads of a message.
   *
   * @param organizationId the tenant
   * @param ingestedAtMs when ingest accepted it
   * @param timestampMs the event time
   * @param transactionId the client's id
   * @param code the metric code
   * @param externalSubscriptionId the subscription
   * @param properties the property values as strings
   * @param propertiesJson the properties object as it came ({@code {}} if absent)
   * @param preciseTotalAmountCents as sent, or null
   */
  record Read(
      UUID organizationId,
      long ingestedAtMs,
      long timestampMs,
      String transactionId,
      String code,
      String externalSubscriptionId,
      Map<String, String> properties,
      String propertiesJson,
      String preciseTotalAmountCents) {}

  private AcceptedEventReader() {}

  static Read read(String json) {
    try (JsonParser p = MessageCodec.mapper().getFactory().createParser(json)) {
      Builder b = new Builder();
      expect(p.nextToken(), JsonToken.START_OBJECT);
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "organization_id" -> b.organizationId = text(p, value);
          case "ingested_at_ms" -> b.ingestedAtMs = number(p, value);
          case "timestamp_ms" -> b.timestampMs = number(p, value);
          case "event" -> event(p, value, json, b);
          default -> p.skipChildren();
        }
      }
      return b.build();
    } catch (IOException | IllegalArgumentException e) {
      throw new UndecodableMessageException(
          "payload is not an accepted event: " + e.getMessage(), e);
    }
  }

  private static void event(JsonParser p, JsonToken token, String json, Builder b)
      throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return;
    }
    expect(token, JsonToken.START_OBJECT);
    b.event = true;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "transaction_id" -> b.transactionId = text(p, value);
        case "code" -> b.code = text(p, value);
        case "external_subscription_id" -> b.externalSubscriptionId = text(p, value);
        case "precise_total_amount_cents" -> b.preciseTotalAmountCents = text(p, value);
        case "properties" -> properties(p, value, json, b);
        default -> p.skipChildren();
      }
    }
  }

  private static void properties(JsonParser p, JsonToken token, String json, Builder b)
      throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return;
    }
    expect(token, JsonToken.START_OBJECT);
    int start = (int) p.currentTokenLocation().getCharOffset();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      JsonToken value = p.nextToken();
      String text = propertyText(p, value);
      if (text == null) {
        b.properties.remove(key);
      } else {
        b.properties.put(key, text);
      }
    }
    int end = (int) p.currentTokenLocation().getCharOffset();
    b.propertiesJson = json.substring(start, end + 1);
  }

  /**
   * A property's value as metering compares it ({@link PropertyValues#text} of the value binding
   * would give), without binding scalars; null for null.
   */
  private static String propertyText(JsonParser p, JsonToken value) throws IOException {
    return switch (value) {
      case VALUE_STRING -> p.getText();
      case VALUE_NUMBER_INT -> p.getNumberValue().toString();
      case VALUE_NUMBER_FLOAT -> p.getDecimalValue().toPlainString();
      case VALUE_TRUE -> "true";
      case VALUE_FALSE -> "false";
      case VALUE_NULL -> null;
      default -> PropertyValues.text(MessageCodec.mapper().readValue(p, Object.class));
    };
  }

  /** A string field; numbers and booleans in their text, as binding to a String field does. */
  private static String text(JsonParser p, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (!value.isScalarValue()) {
      throw new IllegalArgumentException("a text field holds " + value);
    }
    return p.getText();
  }

  private static long number(JsonParser p, JsonToken value) throws IOException {
    return switch (value) {
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getLongValue();
      case VALUE_STRING -> Long.parseLong(p.getText().trim());
      default -> throw new IllegalArgumentException("a number field holds " + value);
    };
  }

  private static void expect(JsonToken actual, JsonToken expected) {
    if (actual != expected) {
      throw new IllegalArgumentException("expected " + expected + ", found " + actual);
    }
  }

  private static final class Builder {
    private String organizationId;
    private long ingestedAtMs;
    private long timestampMs;
    private boolean event;
    private String transactionId;
    private String code;
    private String externalSubscriptionId;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private String propertiesJson = "{}";
    private String preciseTotalAmountCents;

    Read build() {
      if (organizationId == null
          || !event
          || transactionId == null
          || code == null
          || externalSubscriptionId == null) {
        throw new UndecodableMessageException(
            "an accepted event needs its identity and code", null);
      }
      return new Read(
          UUID.fromString(organizationId),
          ingestedAtMs,
          timestampMs,
          transactionId,
          code,
          externalSubscriptionId,
          properties,
          propertiesJson,
          preciseTotalAmountCents);
    }
  }
}
