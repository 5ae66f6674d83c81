package dev.billing.rating.app.usage;

import dev.billing.platform.consumer.BackgroundPool;
import dev.billing.platform.contracts.UsageRatedMessage;
import dev.billing.platform.money.Currencies;
import dev.billing.platform.money.Money;
import dev.billing.platform.outbox.OutboxMessage;
import dev.billing.platform.outbox.OutboxWriter;
import dev.billing.rating.app.usage.UsageQuery.PeriodUsage;
import dev.billing.rating.domain.usage.ChargeUsage;
import dev.billing.rating.persistence.SubscriptionRepository;
import dev.billing.rating.persistence.UsagePublications;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Publishes billing.usage.rated, coalesced: every few seconds, one message per subscription whose
 * usage changed since the last time (never one per event), through the outbox.
 */
@ApplicationScoped
public class PublishRatedUsage {

  private static final Logger LOG = Logger.getLogger(PublishRatedUsage.class);
  private static final int PER_ROUND = 1000;

  private final Pool pool;
  private final UsagePublications publications;
  private final SubscriptionRepository subscriptions;
  private final UsageQuery usage;
  private final OutboxWriter outbox;
  private final Clock clock;

  public PublishRatedUsage(
      BackgroundPool pool,
      UsagePublications publications,
      SubscriptionRepository subscriptions,
      UsageQuery usage,
      OutboxWriter outbox,
      Clock clock) {
    this.pool = pool.pool();
    this.publications = publications;
    this.subscriptions = subscriptions;
    this.usage = usage;
    this.outbox = outbox;
    this.clock = clock;
  }

  /** One round: up to 1,000 subscriptions; a failure is logged and left for the next round. */
  public Uni<Void> round() {
    Instant now = clock.instant();
    // the claim commits on its own: metering's inserts into usage_dirty wait for its deletes
    return publications
        .claim(pool, PER_ROUND)
        .chain(() -> pool.withTransaction(tx -> publishClaimed(tx, now)))
        .onFailure()
        .invoke(e -> LOG.warnf("usage not published, will retry: %s", e.toString()))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  private Uni<Void> publishClaimed(SqlClient tx, Instant now) {
    return publications
        .take(tx, PER_ROUND)
        .flatMap(
            ids ->
                Multi.createFrom()
                    .iterable(ids)
                    .onItem()
                    .transformToUniAndConcatenate(id -> publishOne(tx, id, now))
                    .collect()
                    .last())
        .replaceWithVoid();
  }

  private Uni<Void> publishOne(SqlClient tx, UUID subscriptionId, Instant now) {
    return subscriptions
        .byId(tx, subscriptionId)
        .flatMap(
            found -> {
              if (found.isEmpty() || !found.get().covers(now)) {
                return Uni.createFrom().voidItem();
              }
              return usage
                  .at(found.get(), now)
                  .flatMap(
                      priced ->
                          priced.isEmpty()
                              ? Uni.createFrom().voidItem()
                              : outbox.append(tx, message(priced.get(), now)));
            });
  }

  private static OutboxMessage message(PeriodUsage usage, Instant now) {
    Money zero = Money.zero(Currencies.of(usage.currency()));
    var subscription = usage.subscription();
    UsageRatedMessage message =
        new UsageRatedMessage(
            subscription.id(),
            subscription.organizationId(),
            subscription.externalId(),
            subscription.externalCustomerId(),
            usage.period().start(),
            usage.period().end(),
            usage.currency(),
            usage.charges().stream()
                .map(c -> c.amount(zero))
                .reduce(zero, Money::plus)
                .minorUnits(),
            usage.charges().stream().map(c -> charge(c, zero)).toList(),
            now);
    return OutboxMessage.of(
        subscription.organizationId(),
        UsageRatedMessage.AGGREGATE_TYPE,
        subscription.id().toString(),
        UsageRatedMessage.TYPE,
        UsageRatedMessage.VERSION,
        message);
  }

  private static UsageRatedMessage.ChargeAmount charge(ChargeUsage c, Money zero) {
    return new UsageRatedMessage.ChargeAmount(
        c.charge().id(),
        c.metric().code(),
        c.units().stripTrailingZeros().toPlainString(),
        c.eventsCount(),
        c.amount(zero).minorUnits());
  }
}
