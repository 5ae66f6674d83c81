package dev.billing.invoicing.api.webhook;

import dev.billing.invoicing.domain.webhook.WebhookEndpoint;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Lago's {@code WebhookEndpointObject}. */
public record WebhookEndpointJson(
    String lagoId,
    String lagoOrganizationId,
    String webhookUrl,
    String signatureAlgo,
    String name,
    List<String> eventTypes,
    Instant createdAt) {

  public static WebhookEndpointJson of(WebhookEndpoint e) {
    return new WebhookEndpointJson(
        e.id().toString(),
        e.organizationId().toString(),
        e.webhookUrl(),
        e.signatureAlgo().code(),
        e.name(),
        e.eventTypes(),
        e.createdAt().truncatedTo(ChronoUnit.SECONDS));
  }

  /**
   * Lago's {@code {"webhook_endpoint": {...}}}.
   *
   * @param webhookEndpoint the endpoint
   */
  public record Response(WebhookEndpointJson webhookEndpoint) {}
}
