package dev.billing.rating.app.usage;

import dev.billing.platform.money.Currencies;
import dev.billing.rating.app.metering.CatalogCache;
import dev.billing.rating.domain.catalog.BillableMetric;
import dev.billing.rating.domain.catalog.ChargeFilterDefinition;
import dev.billing.rating.domain.catalog.Plan;
import dev.billing.rating.domain.metric.expression.Expression;
import dev.billing.rating.domain.usage.AggregateSnapshot;
import dev.billing.rating.domain.usage.ChargeUsage;
import dev.billing.rating.domain.usage.Contribution;
import dev.billing.rating.domain.usage.EventRouter;
import dev.billing.rating.domain.usage.PayInAdvanceEstimator;
import dev.billing.rating.domain.usage.PayInAdvanceEstimator.EstimatedFee;
import dev.billing.rating.domain.usage.PercentageNeeds;
import dev.billing.rating.domain.usage.RatedEvent;
import dev.billing.rating.domain.usage.SubscriptionTerms;
import dev.billing.rating.domain.usage.UsagePeriod;
import dev.billing.rating.domain.usage.UsagePricer;
import dev.billing.rating.domain.usage.UsagePricer.BucketRef;
import dev.billing.rating.persistence.EventLedgerRepository;
import dev.billing.rating.persistence.StoredEvent;
import dev.billing.rating.persistence.UsageAggregateRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A subscription's priced usage for a period, read from the aggregates (and, only for percentage
 * charges with free units or per-transaction bounds, from that period's events).
 */
@ApplicationScoped
public class UsageQuery {

  /**
   * Priced usage.
   *
   * @param subscription the subscription
   * @param plan its plan
   * @param period the usage period
   * @param currency the plan's currency
   * @param charges usage per charge
   */
  public record PeriodUsage(
      SubscriptionTerms subscription,
      Plan plan,
      UsagePeriod period,
      String currency,
      List<ChargeUsage> charges) {}

  private final Pool pool;
  private final CatalogCache catalog;
  private final UsageAggregateRepository aggregates;
  private final EventLedgerRepository ledger;
  private final EventRouter router = new EventRouter(Expression::parse);

  public UsageQuery(
      Pool pool,
      CatalogCache catalog,
      UsageAggregateRepository aggregates,
      EventLedgerRepository ledger) {
    this.pool = pool;
    this.catalog = catalog;
    this.aggregates = aggregates;
    this.ledger = ledger;
  }

  /** Usage of the period holding {@code at}; empty if the subscription's plan is unknown. */
  public Uni<Optional<PeriodUsage>> at(SubscriptionTerms subscription, Instant at) {
    return catalog
        .plan(pool, subscription.organizationId(), subscription.planCode())
        .flatMap(
            plan -> {
              if (plan.isEmpty()) {
                return Uni.createFrom().item(Optional.<PeriodUsage>empty());
              }
              UsagePeriod period =
                  subscription.chargesPeriodAt(
                      at, plan.get().interval(), plan.get().billChargesMonthly());
              return priced(subscription, plan.get(), period).map(Optional::of);
            });
  }

  private Uni<PeriodUsage> priced(SubscriptionTerms subscription, Plan plan, UsagePeriod period) {
    return inputs(subscription, plan, period).map(in -> priced(subscription, plan, period, in));
  }

  private static PeriodUsage priced(
      SubscriptionTerms subscription, Plan plan, UsagePeriod period, PricingInputs in) {
    return new PeriodUsage(
        subscription,
        plan,
        period,
        plan.amountCurrency(),
        UsagePricer.price(
            plan,
            in.metrics(),
            period,
            in.current(),
            in.earlier(),
            ref -> in.eventValues().getOrDefault(ref, List.of()),
            Currencies.of(plan.amountCurrency())));
  }

  /**
   * A subscription and an instant of one of its usage periods.
   *
   * @param subscription the subscription
   * @param at an instant of the period
   */
  public record PeriodAt(SubscriptionTerms subscription, Instant at) {}

  /**
   * Usage of many periods, their aggregates read in one query (a billing run's page): element
   * {@code i} of the answer is {@code periods[i]}'s, empty if its subscription's plan is unknown.
   */
  public Uni<List<Optional<PeriodUsage>>> atEach(List<PeriodAt> periods) {
    return Multi.createFrom()
        .iterable(periods)
        .onItem()
        .transformToUniAndConcatenate(
            p -> catalog.plan(pool, p.subscription().organizationId(), p.subscription().planCode()))
        .collect()
        .asList()
        .flatMap(plans -> atEach(periods, plans));
  }

  private Uni<List<Optional<PeriodUsage>>> atEach(
      List<PeriodAt> periods, List<Optional<Plan>> plans) {
    List<Optional<UsagePeriod>> usagePeriods = new ArrayList<>();
    List<UUID> ids = new ArrayList<>();
    List<Instant> starts = new ArrayList<>();
    for (int i = 0; i < periods.size(); i++) {
      PeriodAt p = periods.get(i);
      Optional<UsagePeriod> period =
          plans
              .get(i)
              .map(
                  plan ->
                      p.subscription()
                          .chargesPeriodAt(p.at(), plan.interval(), plan.billChargesMonthly()));
      usagePeriods.add(period);
      ids.add(p.subscription().id());
      starts.add(period.map(UsagePeriod::start).orElse(Instant.EPOCH));
    }
    return aggregates
        .ofPeriods(pool, ids, starts)
        .flatMap(
            current ->
                Multi.createFrom()
                    .range(0, periods.size())
                    .onItem()
                    .transformToUniAndConcatenate(
                        i ->
                            plans.get(i).isEmpty()
                                ? Uni.createFrom().item(Optional.<PeriodUsage>empty())
                                : priced(
                                        periods.get(i).subscription(),
                                        plans.get(i).get(),
                                        usagePeriods.get(i).get(),
                                        current.get(i))
                                    .map(Optional::of))
                    .collect()
                    .asList());
  }

  private Uni<PeriodUsage> priced(
      SubscriptionTerms subscription,
      Plan plan,
      UsagePeriod period,
      List<AggregateSnapshot> current) {
    return catalog
        .metricsOf(pool, plan)
        .flatMap(metrics -> inputs(subscription, plan, period, metrics, current))
        .map(in -> priced(subscription, plan, period, in));
  }

  /**
   * What pricing reads of a period.
   *
   * @param metrics the plan's metrics by id
   * @param current the period's aggregates
   * @param earlier earlier periods' aggregates (recurring metrics only)
   * @param eventValues per-bucket event values (percentage charges that need them)
   */
  private record PricingInputs(
      Map<UUID, BillableMetric> metrics,
      List<AggregateSnapshot> current,
      List<AggregateSnapshot> earlier,
      Map<BucketRef, List<BigDecimal>> eventValues) {}

  private Uni<PricingInputs> inputs(SubscriptionTerms subscription, Plan plan, UsagePeriod period) {
    return catalog
        .metricsOf(pool, plan)
        .flatMap(
            metrics ->
                aggregates
                    .ofPeriod(pool, subscription.id(), period.start())
                    .flatMap(current -> inputs(subscription, plan, period, metrics, current)));
  }

  private Uni<PricingInputs> inputs(
      SubscriptionTerms subscription,
      Plan plan,
      UsagePeriod period,
      Map<UUID, BillableMetric> metrics,
      List<AggregateSnapshot> current) {
    return earlier(subscription, period, metrics)
        .flatMap(
            earlier ->
                eventValues(subscription, plan, metrics, period)
                    .map(values -> new PricingInputs(metrics, current, earlier, values)));
  }

  /**
   * An estimate of the pay-in-advance fees of one event.
   *
   * @param plan the subscription's plan
   * @param routing what the event adds to each charge of the plan, and why it may not
   * @param instantCharges how many pay-in-advance charges of the plan price the event's metric
   * @param fees the fees of its pay-in-advance charges
   */
  public record Estimate(
      Plan plan, EventRouter.Routing routing, long instantCharges, List<EstimatedFee> fees) {}

  /**
   * What {@code event} would cost now on the subscription's pay-in-advance charges; empty if the
   * subscription's plan is unknown.
   */
  public Uni<Optional<Estimate>> estimate(SubscriptionTerms subscription, RatedEvent event) {
    return catalog
        .plan(pool, subscription.organizationId(), subscription.planCode())
        .flatMap(
            plan -> {
              if (plan.isEmpty()) {
                return Uni.createFrom().item(Optional.<Estimate>empty());
              }
              UsagePeriod period =
                  subscription.chargesPeriodAt(
                      event.timestamp(), plan.get().interval(), plan.get().billChargesMonthly());
              return inputs(subscription, plan.get(), period)
                  .flatMap(in -> estimate(subscription, plan.get(), in, event))
                  .map(Optional::of);
            });
  }

  private Uni<Estimate> estimate(
      SubscriptionTerms subscription, Plan plan, PricingInputs in, RatedEvent event) {
    EventRouter.Routing routing = router.route(event, subscription, plan, in.metrics());
    List<Contribution> uniques =
        routing.contributions().stream().filter(c -> c.uniqueValue() != null).toList();
    Map<Contribution, Boolean> present = new HashMap<>();
    Uni<Void> lookups = Uni.createFrom().voidItem();
    for (Contribution c : uniques) {
      lookups =
          lookups.chain(
              () ->
                  aggregates
                      .uniqueValuePresent(pool, subscription.id(), c)
                      .invoke(found -> present.put(c, found))
                      .replaceWithVoid());
    }
    return lookups.map(
        ignored -> {
          PayInAdvanceEstimator.Usage usage =
              new PayInAdvanceEstimator.Usage(
                  in.current(),
                  in.earlier(),
                  ref -> in.eventValues().getOrDefault(ref, List.of()),
                  c -> uniqueCountChange(c, present.getOrDefault(c, false)));
          long instantCharges =
              plan.charges().stream()
                  .filter(c -> c.payInAdvance() && in.metrics().containsKey(c.billableMetricId()))
                  .filter(c -> in.metrics().get(c.billableMetricId()).code().equals(event.code()))
                  .count();
          return new Estimate(
              plan,
              routing,
              instantCharges,
              PayInAdvanceEstimator.estimate(
                  routing.contributions(),
                  plan,
                  in.metrics(),
                  usage,
                  Currencies.of(plan.amountCurrency())));
        });
  }

  private static int uniqueCountChange(Contribution c, boolean present) {
    if (c.uniqueAdd()) {
      return present ? 0 : 1;
    }
    return present ? -1 : 0;
  }

  private Uni<List<AggregateSnapshot>> earlier(
      SubscriptionTerms subscription, UsagePeriod period, Map<UUID, BillableMetric> metrics) {
    boolean recurring = metrics.values().stream().anyMatch(m -> m.definition().recurring());
    return recurring
        ? aggregates.before(pool, subscription.id(), period.start())
        : Uni.createFrom().item(List.of());
  }

  /** Per-bucket event values, in time order, for the charges whose price depends on each event. */
  private Uni<Map<BucketRef, List<BigDecimal>>> eventValues(
      SubscriptionTerms subscription,
      Plan plan,
      Map<UUID, BillableMetric> metrics,
      UsagePeriod period) {
    boolean needed =
        plan.charges().stream()
            .anyMatch(
                c ->
                    PercentageNeeds.eventValues(c.pricing())
                        || c.filters().stream()
                            .map(ChargeFilterDefinition::pricing)
                            .anyMatch(PercentageNeeds::eventValues));
    if (!needed) {
      return Uni.createFrom().item(Map.of());
    }
    return ledger
        .between(
            pool,
            subscription.organizationId(),
            subscription.externalId(),
            period.start(),
            period.end())
        .map(
            events -> {
              Map<BucketRef, List<BigDecimal>> values = new HashMap<>();
              for (StoredEvent stored : events) {
                if (!subscription.covers(stored.event().timestamp())) {
                  continue;
                }
                for (Contribution c :
                    router.route(stored.event(), subscription, plan, metrics).contributions()) {
                  if (c.value() != null) {
                    values
                        .computeIfAbsent(
                            new BucketRef(
                                c.key().chargeId(), c.key().filterId(), c.key().groupKey()),
                            k -> new ArrayList<>())
                        .add(c.value());
                  }
                }
              }
              return values;
            });
  }
}
