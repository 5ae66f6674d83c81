package dev.billing.rating.metering;

import dev.billing.platform.consumer.BackgroundPool;
import dev.billing.platform.lifecycle.ApiOnlyReplica;
import dev.billing.rating.domain.usage.SubscriptionTerms;
import dev.billing.rating.persistence.SubscriptionRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Works off {@code rerate_requests}: a new or changed subscription is rebuilt from its start; a
 * plan or metric edit rebuilds the current period of every live subscription it prices. Requests
 * are claimed with SKIP LOCKED, so replicas share them.
 */
@ApplicationScoped
public class RerateProcessor {

  private static final Logger LOG = Logger.getLogger(RerateProcessor.class);
  private static final String CLAIM =
      "SELECT id, organization_id, plan_id, billable_metric_id, subscription_id"
          + " FROM rerate_requests WHERE done_at IS NULL ORDER BY requested_at LIMIT 1"
          + " FOR UPDATE SKIP LOCKED";
  private static final int REQUESTS_PER_ROUND = 1000;
  private static final String PLAN_CODES_OF_METRIC =
      "SELECT DISTINCT p.code FROM charges c JOIN plans p ON p.id = c.plan_id"
          + " WHERE c.billable_metric_id = $1 AND c.deleted_at IS NULL AND p.deleted_at IS NULL";

  private final Pool pool;
  private final SubscriptionRepository subscriptions;
  private final UsageRebuilder rebuilder;
  private final CatalogCache catalog;
  private final Clock clock;

  public RerateProcessor(
      BackgroundPool pool,
      SubscriptionRepository subscriptions,
      UsageRebuilder rebuilder,
      CatalogCache catalog,
      Clock clock) {
    this.pool = pool.pool();
    this.subscriptions = subscriptions;
    this.rebuilder = rebuilder;
    this.catalog = catalog;
    this.clock = clock;
  }

  @Scheduled(
      every = "${rating.rerate.every:2s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = ApiOnlyReplica.class)
  Uni<Void> work() {
    return workOff(REQUESTS_PER_ROUND);
  }

  /**
   * Handles up to {@code left} requests, each in its own transaction: a rebuild locks its
   * subscriptions against metering, so the lock is held for one request, not for a whole round.
   */
  private Uni<Void> workOff(int left) {
    if (left == 0) {
      return Uni.createFrom().voidItem();
    }
    return pool.withTransaction(
            tx ->
                tx.preparedQuery(CLAIM)
                    .execute()
                    .flatMap(
                        rows ->
                            rows.size() == 0
                                ? Uni.createFrom().item(false)
                                : handle(tx, rows.iterator().next()).replaceWith(true)))
        .flatMap(handled -> handled ? workOff(left - 1) : Uni.createFrom().voidItem())
        .onFailure()
        .invoke(e -> LOG.warnf("re-rating failed, will retry: %s", e.toString()))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  private Uni<Void> handle(SqlClient tx, Row request) {
    UUID org = request.getUUID("organization_id");
    Uni<List<SubscriptionTerms>> affected;
    boolean fromStart = request.getUUID("subscription_id") != null;
    if (!fromStart) {
      catalog.forget(org);
    }
    if (fromStart) {
      affected =
          subscriptions.byId(tx, request.getUUID("subscription_id")).map(s -> s.stream().toList());
    } else if (request.getUUID("plan_id") != null) {
      affected =
          tx.preparedQuery("SELECT code FROM plans WHERE id = $1")
              .execute(Tuple.of(request.getUUID("plan_id")))
              .flatMap(rows -> onPlans(tx, org, rows));
    } else {
      affected =
          tx.preparedQuery(PLAN_CODES_OF_METRIC)
              .execute(Tuple.of(request.getUUID("billable_metric_id")))
              .flatMap(rows -> onPlans(tx, org, rows));
    }
    return affected
        .flatMap(
            list ->
                Multi.createFrom()
                    .iterable(list)
                    .onItem()
                    .transformToUniAndConcatenate(
                        s ->
                            rebuilder.rebuild(
                                tx,
                                s,
                                fromStart || s.startedAt() == null
                                    ? s.subscriptionAt()
                                    : clock.instant()))
                    .collect()
                    .last())
        .chain(
            () ->
                tx.preparedQuery(
                        "UPDATE rerate_requests SET done_at = now(), updated_at = now() WHERE id = $1")
                    .execute(Tuple.of(request.getUUID("id"))))
        .replaceWithVoid();
  }

  private Uni<List<SubscriptionTerms>> onPlans(
      SqlClient tx, UUID org, io.vertx.mutiny.sqlclient.RowSet<Row> planCodes) {
    return Multi.createFrom()
        .iterable(planCodes)
        .onItem()
        .transformToUniAndConcatenate(row -> subscriptions.onPlan(tx, org, row.getString(0)))
        .collect()
        .asList()
        .map(lists -> lists.stream().flatMap(List::stream).toList());
  }
}
