package dev.billing.rating.metering;

import dev.billing.rating.domain.catalog.BillableMetric;
import dev.billing.rating.domain.catalog.Plan;
import dev.billing.rating.domain.metric.AggregationType;
import dev.billing.rating.domain.metric.expression.Expression;
import dev.billing.rating.domain.usage.AggregateDelta;
import dev.billing.rating.domain.usage.Contribution;
import dev.billing.rating.domain.usage.EventRouter;
import dev.billing.rating.domain.usage.RatedEvent;
import dev.billing.rating.domain.usage.SubscriptionTerms;
import dev.billing.rating.persistence.MeteringSideEffects;
import dev.billing.rating.persistence.MeteringSideEffects.EventError;
import dev.billing.rating.persistence.SubscriptionRepository;
import dev.billing.rating.persistence.UsageAggregateRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Turns events into usage: finds the subscription each one bills to, routes it through the
 * subscription's plan, and merges what it adds into the period aggregates, inside the caller's
 * transaction. The same code meters the live stream and rebuilds a subscription from the ledger.
 */
@ApplicationScoped
public class UsageMeter {

  private final SubscriptionDirectory directory;
  private final CatalogCache catalog;
  private final SubscriptionRepository subscriptions;
  private final UsageAggregateRepository aggregates;
  private final MeteringSideEffects sideEffects;
  private final Map<String, Expression> expressions = new ConcurrentHashMap<>();
  private final EventRouter router =
      new EventRouter(source -> expressions.computeIfAbsent(source, Expression::parse));

  public UsageMeter(
      SubscriptionDirectory directory,
      CatalogCache catalog,
      SubscriptionRepository subscriptions,
      UsageAggregateRepository aggregates,
      MeteringSideEffects sideEffects) {
    this.directory = directory;
    this.catalog = catalog;
    this.subscriptions = subscriptions;
    this.aggregates = aggregates;
    this.sideEffects = sideEffects;
  }

  /**
   * Meters events. With {@code onlySubscription} set (a rebuild), events that bill to any other
   * subscription are skipped.
   */
  public Uni<Void> meter(SqlClient tx, List<RatedEvent> events, UUID onlySubscription) {
    if (events.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Set<SubscriptionDirectory.Address> addresses =
        events.stream()
            .map(
                e ->
                    new SubscriptionDirectory.Address(
                        e.organizationId(), e.externalSubscriptionId()))
            .collect(Collectors.toSet());
    return directory
        .lookup(tx, addresses)
        .flatMap(found -> route(tx, events, found, onlySubscription))
        .flatMap(batch -> write(tx, batch));
  }

  private Uni<MeteredBatch> route(
      SqlClient tx,
      List<RatedEvent> events,
      Map<SubscriptionDirectory.Address, List<SubscriptionTerms>> found,
      UUID onlySubscription) {
    MeteredBatch batch = new MeteredBatch();
    return Multi.createFrom()
        .iterable(events)
        .onItem()
        .transformToUniAndConcatenate(
            event -> {
              Optional<SubscriptionTerms> subscription =
                  SubscriptionDirectory.covering(
                      found.getOrDefault(
                          new SubscriptionDirectory.Address(
                              event.organizationId(), event.externalSubscriptionId()),
                          List.of()),
                      event.timestamp());
              if (subscription.isEmpty()) {
                if (onlySubscription == null) {
                  batch.error(event, EventRouter.NO_SUBSCRIPTION);
                }
                return Uni.createFrom().voidItem();
              }
              if (onlySubscription != null && !onlySubscription.equals(subscription.get().id())) {
                return Uni.createFrom().voidItem();
              }
              return routeToPlan(tx, event, subscription.get(), batch, onlySubscription == null);
            })
        .collect()
        .last()
        .replaceWith(batch);
  }

  private Uni<Void> routeToPlan(
      SqlClient tx,
      RatedEvent event,
      SubscriptionTerms subscription,
      MeteredBatch batch,
      boolean reportErrors) {
    return catalog
        .plan(tx, subscription.organizationId(), subscription.planCode())
        .flatMap(
            plan -> {
              if (plan.isEmpty()) {
                return Uni.createFrom().voidItem();
              }
              return catalog
                  .metricsOf(tx, plan.get())
                  .flatMap(
                      metrics ->
                          apply(tx, event, subscription, plan.get(), metrics, batch, reportErrors));
            });
  }

  private Uni<Void> apply(
      SqlClient tx,
      RatedEvent event,
      SubscriptionTerms subscription,
      Plan plan,
      Map<UUID, BillableMetric> metrics,
      MeteredBatch batch,
      boolean reportErrors) {
    EventRouter.Routing routing = router.route(event, subscription, plan, metrics);
    routing.contributions().forEach(c -> batch.add(subscription, c));
    if (!reportErrors) {
      return Uni.createFrom().voidItem();
    }
    List<String> errors = new ArrayList<>(routing.errors());
    if (!errors.remove(EventRouter.INVALID_CODE)) {
      errors.forEach(error -> batch.error(event, error));
      return Uni.createFrom().voidItem();
    }
    errors.forEach(error -> batch.error(event, error));
    // a metric of this code that the plan does not price is not an error, as in Lago
    return catalog
        .metricCodeExists(tx, event.organizationId(), event.code())
        .invoke(
            exists -> {
              if (!exists) {
                batch.error(event, EventRouter.INVALID_CODE);
              }
            })
        .replaceWithVoid();
  }

  private Uni<Void> write(SqlClient tx, MeteredBatch batch) {
    Uni<Void> chain = subscriptions.lock(tx, batch.subscriptions.keySet());
    for (Map.Entry<UUID, Map<Contribution.AggregateKey, AggregateDelta>> org :
        batch.deltasByOrganization.entrySet()) {
      chain = chain.chain(() -> aggregates.merge(tx, org.getKey(), org.getValue()));
    }
    for (Map.Entry<UUID, Map<UniqueKey, Contribution>> org :
        batch.uniqueByOrganization.entrySet()) {
      List<Contribution> latest = List.copyOf(org.getValue().values());
      chain = chain.chain(() -> aggregates.mergeUniqueValues(tx, org.getKey(), latest));
    }
    return chain
        .chain(() -> sideEffects.recordErrors(tx, batch.errors))
        .chain(
            () ->
                sideEffects.markDirty(
                    tx, batch.subscriptions.keySet(), batch.subscriptions.values()));
  }

  private record UniqueKey(Contribution.AggregateKey key, String value) {}

  /** What a batch of events adds, gathered before one write per table. */
  private static final class MeteredBatch {
    final Map<UUID, Map<Contribution.AggregateKey, AggregateDelta>> deltasByOrganization =
        new HashMap<>();
    final Map<UUID, Map<UniqueKey, Contribution>> uniqueByOrganization = new HashMap<>();
    final Map<UUID, UUID> subscriptions = new LinkedHashMap<>();
    final List<EventError> errors = new ArrayList<>();
    private final Set<String> errorKeys = new HashSet<>();

    void add(SubscriptionTerms subscription, Contribution c) {
      UUID org = subscription.organizationId();
      subscriptions.put(subscription.id(), org);
      deltasByOrganization
          .computeIfAbsent(org, o -> new LinkedHashMap<>())
          .computeIfAbsent(c.key(), k -> new AggregateDelta())
          .add(c);
      if (c.type() == AggregationType.UNIQUE_COUNT_AGG) {
        // one row per value and statement: the latest operation of the batch stands for it
        uniqueByOrganization
            .computeIfAbsent(org, o -> new LinkedHashMap<>())
            .merge(
                new UniqueKey(c.key(), c.uniqueValue()),
                c,
                (held, next) -> next.at().isBefore(held.at()) ? held : next);
      }
    }

    void error(RatedEvent e, String error) {
      String key =
          e.organizationId()
              + "|"
              + e.externalSubscriptionId()
              + "|"
              + e.transactionId()
              + "|"
              + error;
      if (errorKeys.add(key)) {
        errors.add(
            new EventError(
                e.organizationId(),
                e.externalSubscriptionId(),
                e.transactionId(),
                e.code(),
                error,
                e.timestamp().atOffset(ZoneOffset.UTC)));
      }
    }
  }
}
