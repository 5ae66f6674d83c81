package dev.billing.invoicing.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billing.platform.error.ApiExceptionMappers;
import java.util.Optional;

/**
 * Request bodies read in two steps: typed (errors named by field, as Lago reports them) and as a
 * tree, which tells a field left out (stays as it is) from a field sent as {@code null} (cleared).
 * Jackson alone gives {@code Optional.empty()} for both.
 */
public final class JsonBodies {

  private JsonBodies() {}

  /** The body as {@code type}, read with the application's (Lago-configured) mapper. */
  public static <T> T read(ObjectMapper mapper, JsonNode body, Class<T> type) {
    try {
      return mapper.treeToValue(body, type);
    } catch (JsonProcessingException e) {
      throw ApiExceptionMappers.fromJackson(e);
    } catch (IllegalArgumentException e) {
      if (e.getCause() instanceof JsonProcessingException json) {
        throw ApiExceptionMappers.fromJackson(json);
      }
      throw e;
    }
  }

  /**
   * A change as the request meant it: {@code null} when {@code name} was left out of {@code
   * parent}, empty when it was {@code null}, else the value.
   */
  @SuppressWarnings("OptionalUsedAsFieldOrParameterType")
  public static <T> Optional<T> change(JsonNode parent, String name, Optional<T> parsed) {
    if (parent == null || !parent.has(name)) {
      return null;
    }
    return parsed == null ? Optional.empty() : parsed;
  }
}
