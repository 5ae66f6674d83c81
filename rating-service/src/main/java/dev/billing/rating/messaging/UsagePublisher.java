package dev.billing.rating.messaging;

import dev.billing.platform.consumer.BackgroundPool;
import dev.billing.platform.contracts.UsageRatedMessage;
import dev.billing.platform.lifecycle.ApiOnlyReplica;
import dev.billing.platform.money.Currencies;
import dev.billing.platform.money.Money;
import dev.billing.platform.outbox.OutboxMessage;
import dev.billing.platform.outbox.OutboxWriter;
import dev.billing.rating.domain.usage.ChargeUsage;
import dev.billing.rating.metering.UsageQuery;
import dev.billing.rating.metering.UsageQuery.PeriodUsage;
import dev.billing.rating.persistence.SubscriptionRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
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
public class UsagePublisher {

  private static final Logger LOG = Logger.getLogger(UsagePublisher.class);
  private static final int PER_ROUND = 1000;
  private static final String CLAIM =
      "WITH claimed AS (DELETE FROM usage_dirty WHERE subscription_id IN (SELECT subscription_id"
          + " FROM usage_dirty ORDER BY updated_at LIMIT $1 FOR UPDATE SKIP LOCKED)"
          + " RETURNING subscription_id, organization_id)"
          + " INSERT INTO usage_publishing (subscription_id, organization_id)"
          + " SELECT subscription_id, organization_id FROM claimed ON CONFLICT DO NOTHING";
  private static final String TAKE =
      "DELETE FROM usage_publishing WHERE subscription_id IN (SELECT subscription_id"
          + " FROM usage_publishing ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED)"
          + " RETURNING subscription_id";

  private final Pool pool;
  private final SubscriptionRepository subscriptions;
  private final UsageQuery usage;
  private final OutboxWriter outbox;
  private final Clock clock;

  public UsagePublisher(
      BackgroundPool pool,
      SubscriptionRepository subscriptions,
      UsageQuery usage,
      OutboxWriter outbox,
      Clock clock) {
    this.pool = pool.pool();
    this.subscriptions = subscriptions;
    this.usage = usage;
    this.outbox = outbox;
    this.clock = clock;
  }

  @Scheduled(
      every = "${rating.usage-rated.every:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = ApiOnlyReplica.class)
  Uni<Void> publish() {
    Instant now = clock.instant();
    // the claim commits on its own: metering's inserts into usage_dirty wait for its deletes
    return pool.preparedQuery(CLAIM)
        .execute(Tuple.of(PER_ROUND))
        .chain(() -> pool.withTransaction(tx -> publishClaimed(tx, now)))
        .onFailure()
        .invoke(e -> LOG.warnf("usage not published, will retry: %s", e.toString()))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  private Uni<Void> publishClaimed(SqlClient tx, Instant now) {
    return tx.preparedQuery(TAKE)
        .execute(Tuple.of(PER_ROUND))
        .flatMap(
            rows ->
                Multi.createFrom()
                    .iterable(rows)
                    .onItem()
                    .transformToUniAndConcatenate(row -> publishOne(tx, row.getUUID(0), now))
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
