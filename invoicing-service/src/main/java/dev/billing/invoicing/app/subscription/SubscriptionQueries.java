package dev.billing.invoicing.app.subscription;

import dev.billing.invoicing.persistence.Page;
import dev.billing.invoicing.persistence.SubscriptionRepository;
import dev.billing.invoicing.persistence.SubscriptionView;
import dev.billing.platform.error.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Subscriptions as the API shows them. */
@ApplicationScoped
public class SubscriptionQueries {

  private final Pool pool;
  private final SubscriptionRepository subscriptions;

  public SubscriptionQueries(Pool pool, SubscriptionRepository subscriptions) {
    this.pool = pool;
    this.subscriptions = subscriptions;
  }

  public Uni<SubscriptionView> find(UUID organizationId, String externalId, String status) {
    return subscriptions
        .view(pool, organizationId, externalId, status)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("subscription")));
  }

  public Uni<Page<SubscriptionView>> list(
      UUID organizationId,
      String externalCustomerId,
      String planCode,
      List<String> statuses,
      int limit,
      long offset) {
    return subscriptions
        .count(pool, organizationId, externalCustomerId, planCode, statuses)
        .flatMap(
            total ->
                subscriptions
                    .list(
                        pool, organizationId, externalCustomerId, planCode, statuses, limit, offset)
                    .map(items -> new Page<>(items, total)));
  }
}
