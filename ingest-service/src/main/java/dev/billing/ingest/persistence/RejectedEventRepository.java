package dev.billing.ingest.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Table {@code rejected_events}. */
@ApplicationScoped
public class RejectedEventRepository {

  private static final String COLUMNS =
      "id, organization_id, source, reason, error_details::text AS error_details, payload,"
          + " original_topic, original_partition, original_offset, rejected_at, replayed_at";
  private static final String FILTER =
      " WHERE ($1::uuid IS NULL OR organization_id = $1) AND ($2::varchar IS NULL OR reason = $2)";

  public Uni<Void> insert(SqlClient tx, RejectedEvent e) {
    return tx.preparedQuery(
            "INSERT INTO rejected_events (id, organization_id, source, reason, error_details,"
                + " payload, original_topic, original_partition, original_offset, rejected_at)"
                + " VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10)"
                + " ON CONFLICT (id) DO NOTHING")
        .execute(
            Tuple.from(
                new Object[] {
                  e.id(),
                  e.organizationId(),
                  e.source(),
                  e.reason(),
                  e.errorDetailsJson(),
                  e.payload(),
                  e.originalTopic(),
                  e.originalPartition(),
                  e.originalOffset(),
                  utc(e.rejectedAt())
                }))
        .replaceWithVoid();
  }

  public Uni<List<RejectedEvent>> list(
      SqlClient client, UUID organizationId, String reason, int limit, long offset) {
    return client
        .preparedQuery(
            "SELECT "
                + COLUMNS
                + " FROM rejected_events"
                + FILTER
                + " ORDER BY rejected_at DESC, id LIMIT $3 OFFSET $4")
        .execute(Tuple.of(organizationId, reason, limit, offset))
        .map(
            rows -> {
              List<RejectedEvent> result = new ArrayList<>();
              rows.forEach(row -> result.add(map(row)));
              return result;
            });
  }

  public Uni<Long> count(SqlClient client, UUID organizationId, String reason) {
    return client
        .preparedQuery("SELECT count(*) FROM rejected_events" + FILTER)
        .execute(Tuple.of(organizationId, reason))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  public Uni<Optional<RejectedEvent>> find(SqlClient client, UUID id) {
    return client
        .preparedQuery("SELECT " + COLUMNS + " FROM rejected_events WHERE id = $1")
        .execute(Tuple.of(id))
        .map(
            rows -> rows.size() == 0 ? Optional.empty() : Optional.of(map(rows.iterator().next())));
  }

  public Uni<Void> markReplayed(SqlClient client, UUID id, Instant at) {
    return client
        .preparedQuery("UPDATE rejected_events SET replayed_at = $2, updated_at = $2 WHERE id = $1")
        .execute(Tuple.of(id, utc(at)))
        .replaceWithVoid();
  }

  private static RejectedEvent map(Row r) {
    OffsetDateTime replayed = r.getOffsetDateTime("replayed_at");
    return new RejectedEvent(
        r.getUUID("id"),
        r.getUUID("organization_id"),
        r.getString("source"),
        r.getString("reason"),
        r.getString("error_details"),
        r.getString("payload"),
        r.getString("original_topic"),
        r.getInteger("original_partition"),
        r.getLong("original_offset"),
        r.getOffsetDateTime("rejected_at").toInstant(),
        replayed == null ? null : replayed.toInstant());
  }

  private static OffsetDateTime utc(Instant instant) {
    return instant.atOffset(ZoneOffset.UTC);
  }
}
