package dev.billing.invoicing.api.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.billing.invoicing.domain.ErrorCode;
import dev.billing.platform.error.ValidationErrors;
import java.util.ArrayList;
import java.util.List;

/**
 * Lago's {@code WebhookEndpointCreateInput} / {@code UpdateInput}: {@code {"webhook_endpoint":
 * {...}}}.
 *
 * @param webhookEndpoint the fields
 */
public record WebhookEndpointRequest(Input webhookEndpoint) {

  /**
   * The fields. {@code name} and {@code event_types} are read as JSON so that an update can tell
   * "absent" (keep) from {@code null} (clear; for {@code event_types}: every type).
   *
   * @param webhookUrl http(s) URL
   * @param signatureAlgo {@code jwt} (default) or {@code hmac}
   * @param name label
   * @param eventTypes list of webhook types, or null for all
   */
  public record Input(String webhookUrl, String signatureAlgo, JsonNode name, JsonNode eventTypes) {

    boolean hasName() {
      return name != null;
    }

    boolean hasEventTypes() {
      return eventTypes != null;
    }

    String nameValue(ValidationErrors errors) {
      if (name == null || name.isNull()) {
        return null;
      }
      if (!name.isTextual()) {
        errors.add("name", ErrorCode.VALUE_IS_INVALID.code());
        return null;
      }
      return name.asText();
    }

    /** The list, or null for "all types"; a non-list or a non-string item is invalid. */
    List<String> eventTypesValue(ValidationErrors errors) {
      if (eventTypes == null || eventTypes.isNull()) {
        return null;
      }
      List<String> types = new ArrayList<>();
      if (!eventTypes.isArray()) {
        errors.add("event_types", ErrorCode.VALUE_IS_INVALID.code());
        return null;
      }
      for (JsonNode item : eventTypes) {
        if (!item.isTextual()) {
          errors.add("event_types", ErrorCode.VALUE_IS_INVALID.code());
          return null;
        }
        if (!types.contains(item.asText())) {
          types.add(item.asText());
        }
      }
      return List.copyOf(types);
    }
  }
}
