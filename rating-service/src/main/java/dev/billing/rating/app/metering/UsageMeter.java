package dev.billing.rating.app.metering;

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
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
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
    return subscriptionsOf(tx, events, onlySubscription != null)
        .flatMap(
            found ->
                plansOf(tx, found.values())
                    .map(plans -> route(events, found, plans, onlySubscription)))
        .flatMap(batch -> reportUnknownCodes(tx, batch))
        .flatMap(batch -> write(tx, batch));
  }

  /**
   * The subscriptions at the events' addresses. The live stream trusts the cache only for events it
   * covers: an event that seems to have no subscription is checked again under the address lock. A
   * rebuild asks the database, since the cache may predate the change that asked for the rebuild.
   */
  private Uni<Map<SubscriptionDirectory.Address, List<SubscriptionTerms>>> subscriptionsOf(
      SqlClient tx, List<RatedEvent> events, boolean rebuild) {
    Set<SubscriptionDirectory.Address> addresses =
        events.stream().map(UsageMeter::addressOf).collect(Collectors.toSet());
    if (rebuild) {
      return directory.reload(tx, addresses);
    }
    return directory
        .lookup(tx, addresses)
        .flatMap(
            found -> {
              Set<SubscriptionDirectory.Address> uncovered =
                  events.stream()
                      .filter(
                          e ->
                              SubscriptionDirectory.covering(
                                      found.getOrDefault(addressOf(e), List.of()), e.timestamp())
                                  .isEmpty())
                      .map(UsageMeter::addressOf)
                      .collect(Collectors.toSet());
              if (uncovered.isEmpty()) {
                return Uni.createFrom().item(found);
              }
              return directory
                  .lockAndReload(tx, uncovered)
                  .map(
                      reloaded -> {
                        Map<SubscriptionDirectory.Address, List<SubscriptionTerms>> all =
                            new HashMap<>(found);
                        all.putAll(reloaded);
                        return all;
                      });
            });
  }

  private static SubscriptionDirectory.Address addressOf(RatedEvent e) {
    return new SubscriptionDirectory.Address(e.organizationId(), e.externalSubscriptionId());
  }

  /**
   * The plans (with their metrics) of these subscriptions, resolved once per batch so that routing
   * each event is plain computation.
   */
  private Uni<Map<PlanRef, Optional<CatalogCache.PricedPlan>>> plansOf(
      SqlClient tx, Collection<List<SubscriptionTerms>> subscriptions) {
    Set<PlanRef> refs = new LinkedHashSet<>();
    subscriptions.forEach(
        list -> list.forEach(s -> refs.add(new PlanRef(s.organizationId(), s.planCode()))));
    Map<PlanRef, Optional<CatalogCache.PricedPlan>> plans = new HashMap<>();
    return Multi.createFrom()
        .iterable(refs)
        .onItem()
        .transformToUniAndConcatenate(
            ref ->
                catalog
                    .pricedPlan(tx, ref.organizationId(), ref.code())
                    .invoke(plan -> plans.put(ref, plan)))
        .collect()
        .last()
        .replaceWith(plans);
  }

  private record PlanRef(UUID organizationId, String code) {}

  private record MetricCodeRef(UUID organizationId, String code) {}

  private MeteredBatch route(
      List<RatedEvent> events,
      Map<SubscriptionDirectory.Address, List<SubscriptionTerms>> found,
      Map<PlanRef, Optional<CatalogCache.PricedPlan>> plans,
      UUID onlySubscription) {
    boolean reportErrors = onlySubscription == null;
    MeteredBatch batch = new MeteredBatch();
    for (RatedEvent event : events) {
      Optional<SubscriptionTerms> subscription =
          SubscriptionDirectory.covering(
              found.getOrDefault(addressOf(event), List.of()), event.timestamp());
      if (subscription.isEmpty()) {
        if (reportErrors) {
          batch.error(event, EventRouter.NO_SUBSCRIPTION);
        }
        continue;
      }
      SubscriptionTerms terms = subscription.get();
      if (onlySubscription != null && !onlySubscription.equals(terms.id())) {
        continue;
      }
      Optional<CatalogCache.PricedPlan> plan =
          plans.getOrDefault(
              new PlanRef(terms.organizationId(), terms.planCode()), Optional.empty());
      if (plan.isEmpty()) {
        continue;
      }
      EventRouter.Routing routing =
          router.route(event, terms, plan.get().plan(), plan.get().metrics());
      routing.contributions().forEach(c -> batch.add(terms, c));
      if (reportErrors) {
        List<String> errors = new ArrayList<>(routing.errors());
        if (errors.remove(EventRouter.INVALID_CODE)) {
          batch.codeToCheck(event);
        }
        errors.forEach(error -> batch.error(event, error));
      }
    }
    return batch;
  }

  /** A metric of the event's code that the plan does not price is not an error, as in Lago. */
  private Uni<MeteredBatch> reportUnknownCodes(SqlClient tx, MeteredBatch batch) {
    if (batch.codesToCheck.isEmpty()) {
      return Uni.createFrom().item(batch);
    }
    return Multi.createFrom()
        .iterable(List.copyOf(batch.codesToCheck.entrySet()))
        .onItem()
        .transformToUniAndConcatenate(
            entry ->
                catalog
                    .metricCodeExists(tx, entry.getKey().organizationId(), entry.getKey().code())
                    .invoke(
                        exists -> {
                          if (!exists) {
                            entry.getValue().forEach(e -> batch.error(e, EventRouter.INVALID_CODE));
                          }
                        }))
        .collect()
        .last()
        .replaceWith(batch);
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
    final Map<MetricCodeRef, List<RatedEvent>> codesToCheck = new LinkedHashMap<>();
    private final Set<String> errorKeys = new HashSet<>();

    /** An event whose code the plan does not price: an error only if no metric has the code. */
    void codeToCheck(RatedEvent e) {
      codesToCheck
          .computeIfAbsent(new MetricCodeRef(e.organizationId(), e.code()), k -> new ArrayList<>())
          .add(e);
    }

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
