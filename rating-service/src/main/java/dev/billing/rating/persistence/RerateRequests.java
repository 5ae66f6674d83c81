package dev.billing.rating.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code rerate_requests}: asks, inside the caller's transaction, for a subscription's usage to be
 * rebuilt, and hands the requests out one at a time (SKIP LOCKED, so replicas share them).
 */
@ApplicationScoped
public class RerateRequests {

  private static final String CLAIM =
      "SELECT id, organization_id, plan_id, billable_metric_id, subscription_id"
          + " FROM rerate_requests WHERE done_at IS NULL ORDER BY requested_at LIMIT 1"
          + " FOR UPDATE SKIP LOCKED";
  private static final String PLAN_CODES_OF_METRIC =
      "SELECT DISTINCT p.code FROM charges c JOIN plans p ON p.id = c.plan_id"
          + " WHERE c.billable_metric_id = $1 AND c.deleted_at IS NULL AND p.deleted_at IS NULL";

  /**
   * A request to rebuild usage: of one subscription, or of what a plan or a metric prices.
   *
   * @param id its id
   * @param organizationId the tenant
   * @param planId the changed plan, or null
   * @param billableMetricId the changed metric, or null
   * @param subscriptionId the new or changed subscription, or null
   */
  public record RerateRequest(
      UUID id, UUID organizationId, UUID planId, UUID billableMetricId, UUID subscriptionId) {}

  private final Clock clock;

  public RerateRequests(Clock clock) {
    this.clock = clock;
  }

  public Uni<Void> subscriptionChanged(SqlClient tx, UUID organizationId, UUID subscriptionId) {
    return tx.preparedQuery(
            "INSERT INTO rerate_requests (id, organization_id, subscription_id, requested_at)"
                + " VALUES ($1, $2, $3, $4)")
        .execute(
            Tuple.of(
                UUID.randomUUID(),
                organizationId,
                subscriptionId,
                clock.instant().atOffset(ZoneOffset.UTC)))
        .replaceWithVoid();
  }

  /** The oldest pending request, locked until the transaction ends; none if all are taken. */
  public Uni<Optional<RerateRequest>> claimNext(SqlClient tx) {
    return tx.preparedQuery(CLAIM)
        .execute()
        .map(
            rows ->
                rows.size() == 0
                    ? Optional.<RerateRequest>empty()
                    : Optional.of(request(rows.iterator().next())));
  }

  /** The code of the plan with this id (deleted or not), as a list of zero or one. */
  public Uni<List<String>> planCode(SqlClient tx, UUID planId) {
    return tx.preparedQuery("SELECT code FROM plans WHERE id = $1")
        .execute(Tuple.of(planId))
        .map(RerateRequests::codes);
  }

  /** The codes of the live plans with a live charge on this metric. */
  public Uni<List<String>> planCodesPricing(SqlClient tx, UUID billableMetricId) {
    return tx.preparedQuery(PLAN_CODES_OF_METRIC)
        .execute(Tuple.of(billableMetricId))
        .map(RerateRequests::codes);
  }

  public Uni<Void> done(SqlClient tx, UUID id) {
    return tx.preparedQuery(
            "UPDATE rerate_requests SET done_at = now(), updated_at = now() WHERE id = $1")
        .execute(Tuple.of(id))
        .replaceWithVoid();
  }

  private static List<String> codes(RowSet<Row> rows) {
    List<String> codes = new ArrayList<>();
    rows.forEach(row -> codes.add(row.getString(0)));
    return codes;
  }

  private static RerateRequest request(Row row) {
    return new RerateRequest(
        row.getUUID("id"),
        row.getUUID("organization_id"),
        row.getUUID("plan_id"),
        row.getUUID("billable_metric_id"),
        row.getUUID("subscription_id"));
  }
}
