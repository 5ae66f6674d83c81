package dev.billing.invoicing.app.subscription;

import dev.billing.invoicing.app.customer.CustomerStore;
import dev.billing.invoicing.domain.subscription.Subscription;
import dev.billing.invoicing.domain.subscription.SubscriptionChange;
import dev.billing.invoicing.domain.subscription.SubscriptionLifecycle;
import dev.billing.invoicing.persistence.PlanRepository;
import dev.billing.invoicing.persistence.SubscriptionRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Starts and ends subscriptions whose time came, each in one transaction with its {@code
 * billing.subscriptions} messages.
 */
@ApplicationScoped
public class ActivateDueSubscriptions {

  private final Pool pool;
  private final CustomerStore customerStore;
  private final PlanRepository plans;
  private final SubscriptionRepository subscriptions;
  private final SubscriptionWrites writes;
  private final Clock clock;

  public ActivateDueSubscriptions(
      Pool pool,
      CustomerStore customerStore,
      PlanRepository plans,
      SubscriptionRepository subscriptions,
      SubscriptionWrites writes,
      Clock clock) {
    this.pool = pool;
    this.customerStore = customerStore;
    this.plans = plans;
    this.subscriptions = subscriptions;
    this.writes = writes;
    this.clock = clock;
  }

  /**
   * Activates the pending subscriptions whose time came (new lines and downgrades) and terminates
   * the active ones past their {@code ending_at}, as of the clock. Each in its own transaction.
   *
   * @return how many subscriptions changed state
   */
  public Uni<Integer> runDue(int limit) {
    Instant now = clock.instant();
    return subscriptions
        .due(pool, now, limit)
        .flatMap(
            due ->
                io.smallrye.mutiny.Multi.createFrom()
                    .iterable(due)
                    .onItem()
                    .transformToUniAndConcatenate(s -> applyDue(s.organizationId(), s.id(), now))
                    .collect()
                    .asList()
                    .map(results -> (int) results.stream().filter(Boolean::booleanValue).count()));
  }

  private Uni<Boolean> applyDue(UUID organizationId, UUID id, Instant now) {
    return pool.withTransaction(
        tx ->
            customerStore
                .lockOrganization(tx, organizationId)
                .flatMap(
                    org ->
                        subscriptions
                            .find(tx, organizationId, id)
                            .map(Optional::orElseThrow)
                            .flatMap(s -> dueChange(tx, s, now))
                            .flatMap(
                                change ->
                                    change.isEmpty()
                                        ? Uni.createFrom().item(false)
                                        : writes.write(tx, org, change.get()).replaceWith(true))));
  }

  private Uni<Optional<SubscriptionChange>> dueChange(SqlClient tx, Subscription s, Instant now) {
    if (s.isPending() && s.activateAt() != null && !s.activateAt().isAfter(now)) {
      Uni<Optional<Subscription>> replaced =
          s.previousId() == null
              ? Uni.createFrom().item(Optional.empty())
              : subscriptions.find(tx, s.organizationId(), s.previousId());
      return replaced.flatMap(
          previous ->
              plans
                  .find(tx, s.organizationId(), s.planId())
                  .map(Optional::orElseThrow)
                  .map(
                      plan -> Optional.of(SubscriptionLifecycle.activate(s, previous, plan, now))));
    }
    if (s.isActive() && s.endingAt() != null && !s.endingAt().isAfter(now)) {
      return writes.next(tx, s).map(next -> Optional.of(SubscriptionLifecycle.end(s, next, now)));
    }
    return Uni.createFrom().item(Optional.empty());
  }
}
