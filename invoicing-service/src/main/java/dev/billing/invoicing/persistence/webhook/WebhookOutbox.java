package dev.billing.invoicing.persistence.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.billing.invoicing.domain.webhook.WebhookTypes;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Emits a webhook inside the caller's transaction: one pending delivery per endpoint of the
 * organization subscribed to the type. It commits with the business change or not at all, so
 * nothing is lost and nothing is sent for a change that was rolled back; the dispatcher sends
 * committed deliveries.
 *
 * <pre>{@code
 * pool.withTransaction(tx ->
 *     invoices.insert(tx, invoice)
 *         .call(() -> webhooks.enqueue(tx, orgId, "invoice.created", "invoice", payloads.invoice(invoice, parts))));
 * }</pre>
 */
@ApplicationScoped
public class WebhookOutbox {

  private static final String INSERT =
      "INSERT INTO webhooks (id, organization_id, webhook_endpoint_id, webhook_type, object_type,"
          + " object_id, payload, status, attempts, next_attempt_at, endpoint_url, created_at,"
          + " updated_at)"
          + " SELECT gen_random_uuid(), e.organization_id, e.id, $2, $3, $4, $5, 'pending', 0, $6,"
          + " e.webhook_url, $6, $6 FROM webhook_endpoints e"
          + " WHERE e.organization_id = $1 AND (e.event_types IS NULL OR $2 = ANY (e.event_types))";

  private final ObjectMapper json;
  private final Clock clock;

  public WebhookOutbox(ObjectMapper json, Clock clock) {
    this.json = json;
    this.clock = clock;
  }

  /**
   * Writes the webhook for every subscribed endpoint of the organization.
   *
   * @param tx the transaction of the business change
   * @param organizationId the tenant the webhook belongs to
   * @param webhookType one of Lago's types, e.g. {@code invoice.created} (see {@link
   *     WebhookTypes}); an unknown type is a programming error
   * @param objectType Lago's {@code object_type}, and the key of the object in the payload, e.g.
   *     {@code invoice}
   * @param object the object in its Lago API shape (a record, a map or a JsonNode), serialized with
   *     the service's snake_case mapper
   * @return the number of deliveries written (0 when no endpoint wants it)
   */
  public Uni<Integer> enqueue(
      SqlClient tx, UUID organizationId, String webhookType, String objectType, Object object) {
    if (!WebhookTypes.isKnown(webhookType)) {
      throw new IllegalArgumentException("unknown webhook type " + webhookType);
    }
    if (objectType == null || objectType.isBlank()) {
      throw new IllegalArgumentException("a webhook needs an object type");
    }
    JsonNode body = json.valueToTree(object);
    ObjectNode payload = json.createObjectNode();
    payload.put("webhook_type", webhookType);
    payload.put("object_type", objectType);
    payload.put("organization_id", organizationId.toString());
    payload.set(objectType, body);
    String objectId = body.hasNonNull("lago_id") ? body.get("lago_id").asText() : null;
    String text;
    try {
      text = json.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("webhook object cannot be written as JSON", e);
    }
    return tx.preparedQuery(INSERT)
        .execute(
            Tuple.from(
                new Object[] {
                  organizationId,
                  webhookType,
                  objectType,
                  objectId,
                  text,
                  clock.instant().atOffset(ZoneOffset.UTC)
                }))
        .map(rows -> rows.rowCount());
  }
}
