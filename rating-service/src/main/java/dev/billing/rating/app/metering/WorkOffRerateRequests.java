package dev.billing.rating.app.metering;

import dev.billing.platform.consumer.BackgroundPool;
import dev.billing.rating.domain.usage.SubscriptionTerms;
import dev.billing.rating.persistence.RerateRequests;
import dev.billing.rating.persistence.RerateRequests.RerateRequest;
import dev.billing.rating.persistence.SubscriptionRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
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
public class WorkOffRerateRequests {

  private static final Logger LOG = Logger.getLogger(WorkOffRerateRequests.class);
  private static final int REQUESTS_PER_ROUND = 1000;

  private final Pool pool;
  private final RerateRequests requests;
  private final SubscriptionRepository subscriptions;
  private final RebuildUsage rebuilder;
  private final CatalogCache catalog;
  private final Clock clock;

  public WorkOffRerateRequests(
      BackgroundPool pool,
      RerateRequests requests,
      SubscriptionRepository subscriptions,
      RebuildUsage rebuilder,
      CatalogCache catalog,
      Clock clock) {
    this.pool = pool.pool();
    this.requests = requests;
    this.subscriptions = subscriptions;
    this.rebuilder = rebuilder;
    this.catalog = catalog;
    this.clock = clock;
  }

  /** One round: up to 1,000 requests; a failure is logged and left for the next round. */
  public Uni<Void> round() {
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
                requests
                    .claimNext(tx)
                    .flatMap(
                        request ->
                            request.isEmpty()
                                ? Uni.createFrom().item(false)
                                : handle(tx, request.get()).replaceWith(true)))
        .flatMap(handled -> handled ? workOff(left - 1) : Uni.createFrom().voidItem())
        .onFailure()
        .invoke(e -> LOG.warnf("re-rating failed, will retry: %s", e.toString()))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  private Uni<Void> handle(SqlClient tx, RerateRequest request) {
    UUID org = request.organizationId();
    Uni<List<SubscriptionTerms>> affected;
    boolean fromStart = request.subscriptionId() != null;
    if (!fromStart) {
      catalog.forget(org);
    }
    if (fromStart) {
      affected = subscriptions.byId(tx, request.subscriptionId()).map(s -> s.stream().toList());
    } else if (request.planId() != null) {
      affected = requests.planCode(tx, request.planId()).flatMap(codes -> onPlans(tx, org, codes));
    } else {
      affected =
          requests
              .planCodesPricing(tx, request.billableMetricId())
              .flatMap(codes -> onPlans(tx, org, codes));
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
        .chain(() -> requests.done(tx, request.id()));
  }

  private Uni<List<SubscriptionTerms>> onPlans(SqlClient tx, UUID org, List<String> planCodes) {
    return Multi.createFrom()
        .iterable(planCodes)
        .onItem()
        .transformToUniAndConcatenate(code -> subscriptions.onPlan(tx, org, code))
        .collect()
        .asList()
        .map(lists -> lists.stream().flatMap(List::stream).toList());
  }
}
