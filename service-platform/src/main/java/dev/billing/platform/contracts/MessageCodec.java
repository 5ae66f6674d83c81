package dev.billing.platform.contracts;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * JSON of the message contracts: snake_case, ISO-8601 instants, decimals as they are. Consumers
 * ignore fields they do not know, so adding a field never breaks one.
 */
public final class MessageCodec {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .setSerializationInclusion(JsonInclude.Include.ALWAYS)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true)
          .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);

  private MessageCodec() {}

  public static String encode(Object message) {
    try {
      return MAPPER.writeValueAsString(message);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot encode " + message.getClass().getSimpleName(), e);
    }
  }

  /**
   * Decodes a message; a payload that is not the contract throws {@link
   * UndecodableMessageException}.
   */
  public static <T> T decode(String json, Class<T> type) {
    try {
      T value = MAPPER.readValue(json, type);
      if (value == null) {
        throw new UndecodableMessageException("empty payload for " + type.getSimpleName(), null);
      }
      return value;
    } catch (JsonProcessingException e) {
      throw new UndecodableMessageException(
          "payload is not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
    }
  }

  public static ObjectMapper mapper() {
    return MAPPER;
  }
}
