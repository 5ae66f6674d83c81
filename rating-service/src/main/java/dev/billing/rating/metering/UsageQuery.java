package dev.billing.rating.metering;

import dev.billing.platform.money.Currencies;
import dev.billing.rating.domain.catalog.BillableMetric;
import dev.billing.rating.domain.catalog.ChargeFilterDefinition;
import dev.billing.rating.domain.catalog.Plan;
import dev.billing.rating.domain.metric.expression.Expression;
import dev.billing.rating.domain.usage.AggregateSnapshot;
import dev.billing.rating.domain.usage.ChargeUsage;
import dev.billing.rating.domain.usage.Contribution;
import dev.billing.rating.domain.usage.EventRouter;
import dev.billing.rating.domain.usage.PercentageNeeds;
import dev.billing.rating.domain.usage.SubscriptionTerms;
import dev.billing.rating.domain.usage.UsagePeriod;
import dev.billing.rating.domain.usage.UsagePricer;
import dev.billing.rating.domain.usage.UsagePricer.BucketRef;
import dev.billing.rating.persistence.EventLedgerRepository;
import dev.billing.rating.persistence.StoredEvent;
import dev.billing.rating.persistence.UsageAggregateRepository;
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
    return catalog
        .metricsOf(pool, plan)
        .flatMap(
            metrics ->
                aggregates
                    .ofPeriod(pool, subscription.id(), period.start())
                    .flatMap(
                        current ->
                            earlier(subscription, period, metrics)
                                .flatMap(
                                    earlier ->
                                        eventValues(subscription, plan, metrics, period)
                                            .map(
                                                values ->
                                                    new PeriodUsage(
                                                        subscription,
                                                        plan,
                                                        period,
                                                        plan.amountCurrency(),
                                                        UsagePricer.price(
                                                            plan,
                                                            metrics,
                                                            period,
                                                            current,
                                                            earlier,
                                                            ref ->
                                                                values.getOrDefault(ref, List.of()),
                                                            Currencies.of(
                                                                plan.amountCurrency())))))));
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
