package dev.billing.rating.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads {@code event_errors}: events kept in the ledger that could not be billed as sent. */
@ApplicationScoped
public class EventErrorRepository {

  /**
   * One reported event.
   *
   * @param organizationId the tenant
   * @param externalSubscriptionId the subscription it named
   * @param transactionId the client's id
   * @param code the metric code it carried
   * @param error Lago's reason: invalid_code, missing_aggregation_property, invalid_filter_values,
   *     or no_active_subscription
   * @param timestamp the event time
   * @param createdAt when metering reported it
   */
  public record EventError(
      UUID organizationId,
      String externalSubscriptionId,
      String transactionId,
      String code,
      String error,
      Instant timestamp,
      Instant createdAt) {}

  /**
   * What to list; null fields match everything.
   *
   * @param organizationId the tenant
   * @param error the reason
   * @param externalSubscriptionId the subscription
   */
  public record Filter(UUID organizationId, String error, String externalSubscriptionId) {}

  private static final String WHERE =
      " WHERE ($1::uuid IS NULL OR organization_id = $1) AND ($2::text IS NULL OR error = $2)"
          + " AND ($3::text IS NULL OR external_subscription_id = $3)";

  public Uni<List<EventError>> list(SqlClient client, Filter filter, int limit, long offset) {
    return client
        .preparedQuery(
            "SELECT organization_id, external_subscription_id, transaction_id, code, error,"
                + " timestamp, created_at FROM event_errors"
                + WHERE
                + " ORDER BY created_at DESC, transaction_id LIMIT $4 OFFSET $5")
        .execute(params(filter).addInteger(limit).addLong(offset))
        .map(
            rows -> {
              List<EventError> errors = new ArrayList<>();
              for (Row r : rows) {
                errors.add(
                    new EventError(
                        r.getUUID("organization_id"),
                        r.getString("external_subscription_id"),
                        r.getString("transaction_id"),
                        r.getString("code"),
                        r.getString("error"),
                        r.getOffsetDateTime("timestamp").toInstant(),
                        r.getOffsetDateTime("created_at").toInstant()));
              }
              return errors;
            });
  }

  public Uni<Long> count(SqlClient client, Filter filter) {
    return client
        .preparedQuery("SELECT count(*) FROM event_errors" + WHERE)
        .execute(params(filter))
        .map(rows -> rows.iterator().next().getLong(0));
  }

  private static Tuple params(Filter filter) {
    return Tuple.of(filter.organizationId(), filter.error(), filter.externalSubscriptionId());
  }
}
