package dev.billing.invoicing.domain.webhook;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A URL an organization receives webhooks at.
 *
 * @param id Lago's {@code lago_id}
 * @param organizationId the tenant
 * @param webhookUrl http(s) URL, unique within the organization
 * @param signatureAlgo how deliveries are signed
 * @param name optional label
 * @param eventTypes the webhook types sent to it, or null for all
 * @param createdAt creation instant
 * @param updatedAt last change
 */
public record WebhookEndpoint(
    UUID id,
    UUID organizationId,
    String webhookUrl,
    SignatureAlgorithm signatureAlgo,
    String name,
    List<String> eventTypes,
    Instant createdAt,
    Instant updatedAt) {

  /** Whether a webhook of this type goes to this endpoint. */
  public boolean receives(String webhookType) {
    return eventTypes == null || eventTypes.contains(webhookType);
  }
}
