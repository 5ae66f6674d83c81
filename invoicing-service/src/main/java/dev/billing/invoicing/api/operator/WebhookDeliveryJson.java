package dev.billing.invoicing.api.operator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billing.invoicing.domain.webhook.WebhookDelivery;
import java.time.Instant;

/** One delivery in the operator's log, with the payload as it was sent. */
public record WebhookDeliveryJson(
    String lagoId,
    String lagoOrganizationId,
    String lagoWebhookEndpointId,
    String endpoint,
    String webhookType,
    String objectType,
    String objectId,
    String status,
    int attempts,
    Integer lastHttpStatus,
    String lastError,
    Instant lastAttemptAt,
    Instant nextAttemptAt,
    Instant createdAt,
    Instant updatedAt,
    JsonNode payload) {

  public static WebhookDeliveryJson of(WebhookDelivery d, ObjectMapper json) {
    JsonNode payload;
    try {
      payload = json.readTree(d.payload());
    } catch (JsonProcessingException e) {
      payload = json.getNodeFactory().textNode(d.payload());
    }
    return new WebhookDeliveryJson(
        d.id().toString(),
        d.organizationId().toString(),
        d.endpointId().toString(),
        d.endpointUrl(),
        d.webhookType(),
        d.objectType(),
        d.objectId(),
        d.status().code(),
        d.attempts(),
        d.lastHttpStatus(),
        d.lastError(),
        d.lastAttemptAt(),
        d.nextAttemptAt(),
        d.createdAt(),
        d.updatedAt(),
        payload);
  }

  /**
   * {@code {"webhook": {...}}}.
   *
   * @param webhook the delivery
   */
  public record Response(WebhookDeliveryJson webhook) {}
}
