package dev.billing.invoicing.domain.webhook;

import java.time.Instant;
import java.util.UUID;

/**
 * One webhook for one endpoint, and how its delivery went.
 *
 * @param id the delivery id, sent as {@code X-Lago-Unique-Key} with every attempt
 * @param organizationId the tenant
 * @param endpointId the endpoint it goes to
 * @param endpointUrl the URL of the last attempt (the endpoint's URL when it was created)
 * @param webhookType e.g. {@code invoice.created}
 * @param objectType e.g. {@code invoice}
 * @param objectId the object's {@code lago_id} when it has one
 * @param payload the exact JSON body that is signed and sent
 * @param status pending, succeeded or failed
 * @param attempts attempts made so far
 * @param nextAttemptAt when a pending delivery is tried next
 * @param lastAttemptAt when the last attempt started
 * @param lastHttpStatus the status the endpoint answered last, or null (no answer)
 * @param lastError why the last attempt failed, or null
 * @param createdAt when the webhook was emitted
 * @param updatedAt last change
 */
public record WebhookDelivery(
    UUID id,
    UUID organizationId,
    UUID endpointId,
    String endpointUrl,
    String webhookType,
    String objectType,
    String objectId,
    String payload,
    DeliveryStatus status,
    int attempts,
    Instant nextAttemptAt,
    Instant lastAttemptAt,
    Integer lastHttpStatus,
    String lastError,
    Instant createdAt,
    Instant updatedAt) {}
