package dev.billing.invoicing.persistence.webhook;

import dev.billing.invoicing.domain.webhook.SignatureAlgorithm;
import dev.billing.invoicing.domain.webhook.WebhookEndpoint;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Table {@code webhook_endpoints}; every query is scoped to one organization. */
@ApplicationScoped
public class WebhookEndpointRepository {

  private static final String COLUMNS =
      "id, organization_id, webhook_url, signature_algo, name, event_types, created_at,"
          + " updated_at";

  public Uni<Void> insert(SqlClient tx, WebhookEndpoint e) {
    return tx.preparedQuery(
            "INSERT INTO webhook_endpoints ("
                + COLUMNS
                + ") VALUES ($1, $2, $3, $4, $5, $6, $7, $8)")
        .execute(tuple(e))
        .replaceWithVoid();
  }

  public Uni<Void> update(SqlClient tx, WebhookEndpoint e) {
    return tx.preparedQuery(
            "UPDATE webhook_endpoints SET webhook_url = $3, signature_algo = $4, name = $5,"
                + " event_types = $6, updated_at = $7 WHERE id = $1 AND organization_id = $2")
        .execute(
            Tuple.from(
                new Object[] {
                  e.id(),
                  e.organizationId(),
                  e.webhookUrl(),
                  e.signatureAlgo().code(),
                  e.name(),
                  e.eventTypes() == null ? null : e.eventTypes().toArray(String[]::new),
                  e.updatedAt().atOffset(ZoneOffset.UTC)
                }))
        .replaceWithVoid();
  }

  public Uni<Void> delete(SqlClient tx, UUID organizationId, UUID id) {
    return tx.preparedQuery("DELETE FROM webhook_endpoints WHERE id = $1 AND organization_id = $2")
        .execute(Tuple.of(id, organizationId))
        .replaceWithVoid();
  }

  public Uni<Optional<WebhookEndpoint>> find(SqlClient client, UUID organizationId, UUID id) {
    return client
        .preparedQuery(
            "SELECT " + COLUMNS + " FROM webhook_endpoints WHERE id = $1 AND organization_id = $2")
        .execute(Tuple.of(id, organizationId))
        .map(rows -> all(rows).stream().findFirst());
  }

  public Uni<List<WebhookEndpoint>> list(
      SqlClient client, UUID organizationId, int limit, long offset) {
    return client
        .preparedQuery(
            "SELECT "
                + COLUMNS
                + " FROM webhook_endpoints WHERE organization_id = $1"
                + " ORDER BY created_at, id LIMIT $2 OFFSET $3")
        .execute(Tuple.of(organizationId, limit, offset))
        .map(WebhookEndpointRepository::all);
  }

  public Uni<Long> count(SqlClient client, UUID organizationId) {
    return client
        .preparedQuery("SELECT count(*) FROM webhook_endpoints WHERE organization_id = $1")
        .execute(Tuple.of(organizationId))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  /** Whether another endpoint of the organization already has this URL. */
  public Uni<Boolean> urlTaken(SqlClient client, UUID organizationId, String url, UUID except) {
    return client
        .preparedQuery(
            "SELECT 1 FROM webhook_endpoints WHERE organization_id = $1 AND webhook_url = $2"
                + " AND id <> $3")
        .execute(Tuple.of(organizationId, url, except))
        .map(rows -> rows.size() > 0);
  }

  /**
   * Locks the organization's row until the transaction ends, so concurrent creations count the
   * endpoints one after the other.
   */
  public Uni<Void> lockOrganization(SqlClient tx, UUID organizationId) {
    return tx.preparedQuery("SELECT 1 FROM organizations WHERE id = $1 FOR NO KEY UPDATE")
        .execute(Tuple.of(organizationId))
        .replaceWithVoid();
  }

  private static Tuple tuple(WebhookEndpoint e) {
    return Tuple.from(
        new Object[] {
          e.id(),
          e.organizationId(),
          e.webhookUrl(),
          e.signatureAlgo().code(),
          e.name(),
          e.eventTypes() == null ? null : e.eventTypes().toArray(String[]::new),
          e.createdAt().atOffset(ZoneOffset.UTC),
          e.updatedAt().atOffset(ZoneOffset.UTC)
        });
  }

  private static List<WebhookEndpoint> all(RowSet<Row> rows) {
    List<WebhookEndpoint> result = new ArrayList<>();
    for (Row r : rows) {
      String[] types = r.getArrayOfStrings("event_types");
      result.add(
          new WebhookEndpoint(
              r.getUUID("id"),
              r.getUUID("organization_id"),
              r.getString("webhook_url"),
              SignatureAlgorithm.fromCode(r.getString("signature_algo")).orElseThrow(),
              r.getString("name"),
              types == null ? null : List.copyOf(Arrays.asList(types)),
              instant(r, "created_at"),
              instant(r, "updated_at")));
    }
    return result;
  }

  static Instant instant(Row row, String column) {
    var value = row.getOffsetDateTime(column);
    return value == null ? null : value.toInstant();
  }
}
