package dev.billing.invoicing.persistence.webhook;

import static dev.billing.invoicing.persistence.webhook.WebhookEndpointRepository.instant;

import dev.billing.invoicing.domain.webhook.DeliveryStatus;
import dev.billing.invoicing.domain.webhook.SignatureAlgorithm;
import dev.billing.invoicing.domain.webhook.WebhookDelivery;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Table {@code webhooks}: the deliveries, claimed with SKIP LOCKED so replicas share the work. */
@ApplicationScoped
public class WebhookDeliveryRepository {

  private static final String COLUMNS =
      "id, organization_id, webhook_endpoint_id, endpoint_url, webhook_type, object_type,"
          + " object_id, payload, status, attempts, next_attempt_at, last_attempt_at,"
          + " last_http_status, last_error, created_at, updated_at";

  /**
   * Due deliveries, at most {@code $3} per endpoint and {@code $2} in all, skipping endpoints in
   * {@code $4} and rows another dispatcher holds. Claiming counts the attempt and moves {@code
   * next_attempt_at} to the end of the lease ({@code $5}): if this process dies mid-send, the
   * delivery is due again then.
   */
  private static final String CLAIM =
      "WITH busy AS (SELECT DISTINCT webhook_endpoint_id AS id FROM webhooks"
          + "   WHERE status = 'pending' AND next_attempt_at <= $1"
          + "   AND NOT (webhook_endpoint_id = ANY ($4)) LIMIT $2),"
          + " due AS (SELECT d.id FROM busy CROSS JOIN LATERAL ("
          + "   SELECT w.id FROM webhooks w WHERE w.webhook_endpoint_id = busy.id"
          + "   AND w.status = 'pending' AND w.next_attempt_at <= $1"
          + "   ORDER BY w.next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED) d LIMIT $2)"
          + " UPDATE webhooks w SET attempts = w.attempts + 1, next_attempt_at = $5,"
          + " last_attempt_at = $1, updated_at = $1, endpoint_url = e.webhook_url"
          + " FROM due, webhook_endpoints e, organizations o"
          + " WHERE w.id = due.id AND e.id = w.webhook_endpoint_id AND o.id = w.organization_id"
          + " RETURNING w.id, w.organization_id, w.webhook_endpoint_id, e.webhook_url,"
          + " e.signature_algo, o.hmac_key, w.payload, w.attempts";

  public Uni<List<ClaimedDelivery>> claim(
      SqlClient client,
      Instant now,
      Instant leaseEnd,
      int limit,
      int perEndpoint,
      Collection<UUID> skipEndpoints) {
    return client
        .preparedQuery(CLAIM)
        .execute(
            Tuple.of(
                utc(now), limit, perEndpoint, skipEndpoints.toArray(UUID[]::new), utc(leaseEnd)))
        .map(
            rows -> {
              List<ClaimedDelivery> claimed = new ArrayList<>();
              for (Row r : rows) {
                claimed.add(
                    new ClaimedDelivery(
                        r.getUUID("id"),
                        r.getUUID("organization_id"),
                        r.getUUID("webhook_endpoint_id"),
                        r.getString("webhook_url"),
                        SignatureAlgorithm.fromCode(r.getString("signature_algo")).orElseThrow(),
                        r.getString("hmac_key"),
                        r.getString("payload"),
                        r.getInteger("attempts")));
              }
              return claimed;
            });
  }

  /**
   * Records the outcome of attempt {@code attempt}; ignored if the row moved on since (a replay or
   * another attempt), so a late answer never overwrites a newer one.
   *
   * @param nextAttemptAt when to try again, or null when the delivery is finished
   */
  public Uni<Void> recordAttempt(
      SqlClient client,
      UUID id,
      int attempt,
      DeliveryStatus status,
      Integer httpStatus,
      String error,
      Instant nextAttemptAt,
      Instant now) {
    return client
        .preparedQuery(
            "UPDATE webhooks SET status = $3, last_http_status = $4, last_error = $5,"
                + " next_attempt_at = $6, updated_at = $7"
                + " WHERE id = $1 AND attempts = $2 AND status = 'pending'")
        .execute(
            Tuple.from(
                new Object[] {
                  id,
                  attempt,
                  status.code(),
                  httpStatus,
                  error,
                  nextAttemptAt == null ? null : utc(nextAttemptAt),
                  utc(now)
                }))
        .replaceWithVoid();
  }

  /** Makes a delivery due now, whatever its status; empty if there is no such delivery. */
  public Uni<Optional<WebhookDelivery>> replay(SqlClient client, UUID id, Instant now) {
    return client
        .preparedQuery(
            "UPDATE webhooks SET status = 'pending', next_attempt_at = $2, updated_at = $2"
                + " WHERE id = $1 RETURNING "
                + COLUMNS)
        .execute(Tuple.of(id, utc(now)))
        .map(rows -> all(rows).stream().findFirst());
  }

  public Uni<Optional<WebhookDelivery>> find(SqlClient client, UUID id) {
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM webhooks WHERE id = $1")
        .execute(Tuple.of(id))
        .map(rows -> all(rows).stream().findFirst());
  }

  /**
   * Filters of the operator's delivery log; null means any.
   *
   * @param organizationId the tenant
   * @param status the status
   * @param webhookType the type
   */
  public record Filter(UUID organizationId, DeliveryStatus status, String webhookType) {

    String where(List<Object> params) {
      List<String> conditions = new ArrayList<>();
      if (organizationId != null) {
        params.add(organizationId);
        conditions.add("organization_id = $" + params.size());
      }
      if (status != null) {
        params.add(status.code());
        conditions.add("status = $" + params.size());
      }
      if (webhookType != null) {
        params.add(webhookType);
        conditions.add("webhook_type = $" + params.size());
      }
      return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }
  }

  /** Newest first. */
  public Uni<List<WebhookDelivery>> list(SqlClient client, Filter filter, int limit, long offset) {
    List<Object> params = new ArrayList<>();
    String where = filter.where(params);
    params.add(limit);
    params.add(offset);
    return client
        .preparedQuery(
            "SELECT "
                + COLUMNS
                + " FROM webhooks"
                + where
                + " ORDER BY created_at DESC, id LIMIT $"
                + (params.size() - 1)
                + " OFFSET $"
                + params.size())
        .execute(Tuple.from(params))
        .map(WebhookDeliveryRepository::all);
  }

  public Uni<Long> count(SqlClient client, Filter filter) {
    List<Object> params = new ArrayList<>();
    String where = filter.where(params);
    return client
        .preparedQuery("SELECT count(*) FROM webhooks" + where)
        .execute(Tuple.from(params))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  private static List<WebhookDelivery> all(RowSet<Row> rows) {
    List<WebhookDelivery> result = new ArrayList<>();
    for (Row r : rows) {
      result.add(
          new WebhookDelivery(
              r.getUUID("id"),
              r.getUUID("organization_id"),
              r.getUUID("webhook_endpoint_id"),
              r.getString("endpoint_url"),
              r.getString("webhook_type"),
              r.getString("object_type"),
              r.getString("object_id"),
              r.getString("payload"),
              DeliveryStatus.fromCode(r.getString("status")).orElseThrow(),
              r.getInteger("attempts"),
              instant(r, "next_attempt_at"),
              instant(r, "last_attempt_at"),
              r.getInteger("last_http_status"),
              r.getString("last_error"),
              instant(r, "created_at"),
              instant(r, "updated_at")));
    }
    return result;
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
