package dev.billing.rating.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Reads the ledger for the public events API; always within one organization. */
@ApplicationScoped
public class EventQueryRepository {

  /**
   * Lago's filters of {@code GET /events}; null means no filter.
   *
   * @param organizationId tenant (always set)
   * @param code metric code
   * @param externalSubscriptionId subscription
   * @param from earliest timestamp, inclusive
   * @param to latest timestamp, inclusive
   */
  public record EventFilter(
      UUID organizationId, String code, String externalSubscriptionId, Instant from, Instant to) {

    Tuple params() {
      return Tuple.of(organizationId, code, externalSubscriptionId)
          .addValue(from == null ? null : EventLedgerRepository.utc(from))
          .addValue(to == null ? null : EventLedgerRepository.utc(to));
    }
  }

  private static final String WHERE =
      " WHERE organization_id = $1 AND ($2::text IS NULL OR code = $2)"
          + " AND ($3::text IS NULL OR external_subscription_id = $3)"
          + " AND ($4::timestamptz IS NULL OR timestamp >= $4)"
          + " AND ($5::timestamptz IS NULL OR timestamp <= $5)";

  public Uni<Optional<StoredEvent>> byTransactionId(
      SqlClient client, UUID organizationId, String transactionId) {
    return client
        .preparedQuery(
            "SELECT "
                + EventLedgerRepository.COLUMNS
                + " FROM events WHERE organization_id = $1 AND transaction_id = $2"
                + " ORDER BY ingested_at DESC LIMIT 1")
        .execute(Tuple.of(organizationId, transactionId))
        .map(rows -> EventLedgerRepository.stored(rows).stream().findFirst());
  }

  public Uni<List<StoredEvent>> list(SqlClient client, EventFilter filter, int limit, long offset) {
    return client
        .preparedQuery(
            "SELECT "
                + EventLedgerRepository.COLUMNS
                + " FROM events"
                + WHERE
                + " ORDER BY timestamp DESC, transaction_id LIMIT $6 OFFSET $7")
        .execute(filter.params().addValue(limit).addValue(offset))
        .map(EventLedgerRepository::stored);
  }

  public Uni<Long> count(SqlClient client, EventFilter filter) {
    return client
        .preparedQuery("SELECT count(*) FROM events" + WHERE)
        .execute(filter.params())
        .map(rows -> rows.iterator().next().getLong(0));
  }
}
