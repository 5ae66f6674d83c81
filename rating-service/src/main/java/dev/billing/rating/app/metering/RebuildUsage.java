package dev.billing.rating.app.metering;

import dev.billing.rating.domain.catalog.Plan;
import dev.billing.rating.domain.usage.RatedEvent;
import dev.billing.rating.domain.usage.SubscriptionTerms;
import dev.billing.rating.persistence.EventLedgerRepository;
import dev.billing.rating.persistence.MeteringSideEffects;
import dev.billing.rating.persistence.StoredEvent;
import dev.billing.rating.persistence.SubscriptionRepository;
import dev.billing.rating.persistence.UsageAggregateRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * Rebuilds a subscription's usage from a period on, from the ledger: after a correction, a late
 * subscription, a catalog edit, or on an operator's request. The ledger is the truth; aggregates
 * are rebuilt to exactly what metering the events again gives.
 */
@ApplicationScoped
public class RebuildUsage {

  private static final int CHUNK = 5_000;
  private static final Instant END_OF_TIME = Instant.parse("9999-01-01T00:00:00Z");

  private final SubscriptionRepository subscriptions;
  private final UsageAggregateRepository aggregates;
  private final EventLedgerRepository ledger;
  private final CatalogCache catalog;
  private final UsageMeter meter;
  private final MeteringSideEffects sideEffects;

  public RebuildUsage(
      SubscriptionRepository subscriptions,
      UsageAggregateRepository aggregates,
      EventLedgerRepository ledger,
      CatalogCache catalog,
      UsageMeter meter,
      MeteringSideEffects sideEffects) {
    this.subscriptions = subscriptions;
    this.aggregates = aggregates;
    this.ledger = ledger;
    this.catalog = catalog;
    this.meter = meter;
    this.sideEffects = sideEffects;
  }

  /** Rebuilds from the start of the usage period holding {@code from}. */
  public Uni<Void> rebuild(SqlClient tx, SubscriptionTerms subscription, Instant from) {
    if (subscription.startedAt() == null) {
      return Uni.createFrom().voidItem();
    }
    Instant at = from.isBefore(subscription.startedAt()) ? subscription.startedAt() : from;
    return subscriptions
        .lockExclusively(tx, subscription.id())
        .chain(() -> catalog.plan(tx, subscription.organizationId(), subscription.planCode()))
        .flatMap(
            plan -> {
              Instant start = plan.map(p -> periodStart(subscription, p, at)).orElse(at);
              return aggregates
                  .deleteFrom(tx, subscription.id(), start)
                  .chain(() -> meterFrom(tx, subscription, start, null))
                  .chain(
                      () ->
                          sideEffects.forgetMeteredErrors(
                              tx,
                              subscription.organizationId(),
                              subscription.externalId(),
                              start.isBefore(subscription.startedAt())
                                  ? subscription.startedAt()
                                  : start,
                              end(subscription)));
            });
  }

  private static Instant periodStart(SubscriptionTerms subscription, Plan plan, Instant at) {
    return subscription.chargesPeriodAt(at, plan.interval(), plan.billChargesMonthly()).start();
  }

  private static Instant end(SubscriptionTerms subscription) {
    return subscription.terminatedAt() == null
        ? END_OF_TIME
        : subscription.terminatedAt().plusMillis(1);
  }

  /** Meters the ledger in chunks, keyset-paged by time, so a long history never sits in memory. */
  private Uni<Void> meterFrom(
      SqlClient tx, SubscriptionTerms subscription, Instant from, StoredEvent after) {
    Instant end = end(subscription);
    return ledger
        .page(
            tx,
            subscription.organizationId(),
            subscription.externalId(),
            from,
            end,
            after == null ? null : after.event(),
            CHUNK)
        .flatMap(
            page -> {
              if (page.isEmpty()) {
                return Uni.createFrom().voidItem();
              }
              List<RatedEvent> events = page.stream().map(StoredEvent::event).toList();
              Uni<Void> metered = meter.meter(tx, events, subscription.id());
              return page.size() < CHUNK
                  ? metered
                  : metered.chain(
                      () -> meterFrom(tx, subscription, from, page.get(page.size() - 1)));
            });
  }
}
