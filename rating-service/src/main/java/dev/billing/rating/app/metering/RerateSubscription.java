package dev.billing.rating.app.metering;

import dev.billing.platform.error.ApiException;
import dev.billing.rating.app.RatingErrorCode;
import dev.billing.rating.domain.usage.SubscriptionTerms;
import dev.billing.rating.persistence.SubscriptionRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** An operator's rebuild of a subscription's usage from the ledger, from a period on. */
@ApplicationScoped
public class RerateSubscription {

  private final SubscriptionRepository subscriptions;
  private final RebuildUsage rebuilder;
  private final Pool pool;

  public RerateSubscription(
      SubscriptionRepository subscriptions, RebuildUsage rebuilder, Pool pool) {
    this.subscriptions = subscriptions;
    this.rebuilder = rebuilder;
    this.pool = pool;
  }

  /** Rebuilds from the period holding {@code from}; 404 {@code subscription_not_found}. */
  public Uni<SubscriptionTerms> rerate(UUID subscriptionId, Instant from) {
    return pool.withTransaction(
        tx ->
            subscriptions
                .byId(tx, subscriptionId)
                .map(
                    found ->
                        found.orElseThrow(
                            () -> new ApiException(RatingErrorCode.SUBSCRIPTION_NOT_FOUND)))
                .call(subscription -> rebuilder.rebuild(tx, subscription, from)));
  }
}
