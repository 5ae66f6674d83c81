package dev.billing.rating.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Records, in the transaction of a catalog edit, that usage priced by a plan or a metric must be
 * re-rated; metering picks the request up and rebuilds the affected aggregates from the ledger.
 */
@ApplicationScoped
public class CatalogChanges {

  private static final String INSERT =
      "INSERT INTO rerate_requests (id, organization_id, plan_id, billable_metric_id,"
          + " requested_at) VALUES ($1, $2, $3, $4, $5)";

  private final Clock clock;

  public CatalogChanges(Clock clock) {
    this.clock = clock;
  }

  /** A plan's charges, filters or prices changed. */
  public Uni<Void> planChanged(SqlClient tx, UUID organizationId, UUID planId) {
    return record(tx, organizationId, planId, null);
  }

  /** A metric's aggregation, field, filters, rounding or expression changed. */
  public Uni<Void> metricChanged(SqlClient tx, UUID organizationId, UUID billableMetricId) {
    return record(tx, organizationId, null, billableMetricId);
  }

  private Uni<Void> record(SqlClient tx, UUID organizationId, UUID planId, UUID metricId) {
    return tx.preparedQuery(INSERT)
        .execute(
            Tuple.of(
                UUID.randomUUID(),
                organizationId,
                planId,
                metricId,
                clock.instant().atOffset(ZoneOffset.UTC)))
        .replaceWithVoid();
  }
}
