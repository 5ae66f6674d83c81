package dev.billing.ingest.domain.event;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.billing.platform.error.ValidationErrors;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Reads and validates one event object from a streaming parser, with Lago's field rules:
 * transaction_id, code and external_subscription_id required strings; timestamp Unix seconds (an
 * integer, a fraction, or a numeric string); properties an object of strings, numbers, booleans or
 * nulls; precise_total_amount_cents a decimal. Unknown fields are ignored, as Lago ignores them.
 */
public final class EventReader {

  public static final String MANDATORY = "value_is_mandatory";
  public static final String INVALID = "value_is_invalid";
  public static final String TOO_LONG = "value_is_too_long";
  public static final String INVALID_FORMAT = "invalid_format";
  public static final String NESTED_VALUE = "nested_value_not_allowed";
  public static final String NOT_FINITE = "value_is_not_a_finite_number";
  public static final String TOO_MANY_PROPERTIES = "too_many_properties";

  private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");

  private final EventLimits limits;

  public EventReader(EventLimits limits) {
    this.limits = limits;
  }

  /**
   * Reads the object the parser is at ({@link JsonToken#START_OBJECT}) and leaves the parser on its
   * END_OBJECT. Problems go to {@code errors}, keyed by field; the event is returned anyway.
   */
  public ParsedEvent read(JsonParser p, byte[] source, ValidationErrors errors) throws IOException {
    int start = (int) p.currentTokenLocation().getByteOffset();
    String organizationId = null;
    String transactionId = null;
    String code = null;
    String subscription = null;
    BigDecimal timestamp = null;
    String precise = null;
    int propertiesStart = -1;
    int propertiesEnd = -1;
    int[] idTokens = new int[6];
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken value = p.nextToken();
      switch (field) {
        case "organization_id" ->
            organizationId = value == JsonToken.VALUE_STRING ? p.getText() : skip(p);
        case "transaction_id" ->
            transactionId = readId(p, value, field, errors, idTokens, ParsedEvent.TRANSACTION_ID);
        case "code" -> code = readId(p, value, field, errors, idTokens, ParsedEvent.CODE);
        case "external_subscription_id" ->
            subscription =
                readId(p, value, field, errors, idTokens, ParsedEvent.EXTERNAL_SUBSCRIPTION_ID);
        case "timestamp" -> timestamp = readTimestamp(p, value, errors);
        case "precise_total_amount_cents" -> precise = readDecimal(p, value, field, errors);
        case "properties" -> {
          if (value == JsonToken.START_OBJECT) {
            propertiesStart = (int) p.currentTokenLocation().getByteOffset();
            readProperties(p, errors);
            propertiesEnd = (int) p.currentTokenLocation().getByteOffset() + 1;
          } else if (value != JsonToken.VALUE_NULL) {
            errors.add("properties", INVALID);
            p.skipChildren();
          }
        }
        default -> p.skipChildren();
      }
    }
    int end = (int) p.currentTokenLocation().getByteOffset() + 1;
    requirePresent(transactionId, "transaction_id", errors);
    requirePresent(code, "code", errors);
    requirePresent(subscription, "external_subscription_id", errors);
    return new ParsedEvent(
        organizationId,
        transactionId,
        code,
        subscription,
        timestamp,
        precise,
        source,
        start,
        end,
        propertiesStart,
        propertiesEnd,
        idTokens);
  }

  private String readId(
      JsonParser p, JsonToken value, String field, ValidationErrors errors, int[] tokens, int slot)
      throws IOException {
    if (value == JsonToken.VALUE_STRING) {
      tokens[slot] = (int) p.currentTokenLocation().getByteOffset();
      String text = p.getText();
      tokens[slot + 1] = (int) p.currentLocation().getByteOffset();
      if (text.isBlank()) {
        errors.add(field, MANDATORY);
        return null;
      }
      if (text.length() > limits.maxIdLength()) {
        errors.add(field, TOO_LONG);
      } else if (!StorableText.isStorable(text)) {
        errors.add(field, INVALID);
      }
      return text;
    }
    if (value == JsonToken.VALUE_NULL) {
      errors.add(field, MANDATORY);
      return null;
    }
    errors.add(field, INVALID);
    p.skipChildren();
    return "";
  }

  private static BigDecimal readTimestamp(JsonParser p, JsonToken value, ValidationErrors errors)
      throws IOException {
    switch (value) {
      case VALUE_NULL:
        return null;
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT:
        if (p.isNaN()) {
          errors.add("timestamp", INVALID_FORMAT);
          return null;
        }
        return p.getDecimalValue();
      case VALUE_STRING:
        String text = p.getText().trim();
        if (DECIMAL.matcher(text).matches()) {
          return new BigDecimal(text);
        }
        errors.add("timestamp", INVALID_FORMAT);
        return null;
      default:
        errors.add("timestamp", INVALID_FORMAT);
        p.skipChildren();
        return null;
    }
  }

  private static String readDecimal(
      JsonParser p, JsonToken value, String field, ValidationErrors errors) throws IOException {
    switch (value) {
      case VALUE_NULL:
        return null;
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT:
        if (p.isNaN()) {
          errors.add(field, INVALID_FORMAT);
          return null;
        }
        return p.getDecimalValue().toPlainString();
      case VALUE_STRING:
        String text = p.getText().trim();
        if (DECIMAL.matcher(text).matches()) {
          return text;
        }
        errors.add(field, INVALID_FORMAT);
        return null;
      default:
        errors.add(field, INVALID_FORMAT);
        p.skipChildren();
        return null;
    }
  }

  private void readProperties(JsonParser p, ValidationErrors errors) throws IOException {
    int count = 0;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      JsonToken value = p.nextToken();
      count++;
      if (!StorableText.isStorable(name)) {
        errors.add("properties", INVALID);
      }
      switch (value) {
        case START_OBJECT, START_ARRAY -> {
          errors.add("properties." + name, NESTED_VALUE);
          p.skipChildren();
        }
        case VALUE_STRING -> {
          if (p.getTextLength() > limits.maxPropertyLength()) {
            errors.add("properties." + name, TOO_LONG);
          } else if (!StorableText.isStorable(
              p.getTextCharacters(), p.getTextOffset(), p.getTextLength())) {
            errors.add("properties." + name, INVALID);
          }
        }
        case VALUE_NUMBER_FLOAT, VALUE_NUMBER_INT -> {
          if (p.isNaN()) {
            errors.add("properties." + name, NOT_FINITE);
          }
        }
        default -> {
          // true, false and null are kept as sent
        }
      }
    }
    if (count > limits.maxProperties()) {
      errors.add("properties", TOO_MANY_PROPERTIES);
    }
  }

  private static String skip(JsonParser p) throws IOException {
    p.skipChildren();
    return null;
  }

  private static void requirePresent(String value, String field, ValidationErrors errors) {
    if (value == null && !errors.has(field)) {
      errors.add(field, MANDATORY);
    }
  }
}
