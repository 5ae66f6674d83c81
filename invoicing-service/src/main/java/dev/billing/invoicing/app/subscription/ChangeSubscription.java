package dev.billing.invoicing.app.subscription;

import dev.billing.invoicing.app.customer.CustomerStore;
import dev.billing.invoicing.domain.subscription.Subscription;
import dev.billing.invoicing.domain.subscription.SubscriptionChange;
import dev.billing.invoicing.domain.subscription.SubscriptionLifecycle;
import dev.billing.invoicing.persistence.PlanRepository;
import dev.billing.invoicing.persistence.SubscriptionRepository;
import dev.billing.invoicing.persistence.SubscriptionView;
import dev.billing.platform.error.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Updates or terminates the subscription of a line, in one transaction with its {@code
 * billing.subscriptions} messages. Writes of one organization are serialized on its row.
 */
@ApplicationScoped
public class ChangeSubscription {

  private final Pool pool;
  private final CustomerStore customerStore;
  private final PlanRepository plans;
  private final SubscriptionRepository subscriptions;
  private final SubscriptionWrites writes;
  private final Clock clock;

  public ChangeSubscription(
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
   * {@code PUT /subscriptions/{external_id}}.
   *
   * @param endingAt new ending date; empty clears it; null keeps it
   */
  @SuppressWarnings("OptionalUsedAsFieldOrParameterType")
  public Uni<SubscriptionView> update(
      UUID organizationId,
      String externalId,
      String status,
      String name,
      Optional<Instant> endingAt,
      Instant subscriptionAt) {
    Instant now = clock.instant();
    return inLine(
        organizationId,
        externalId,
        status,
        (tx, s) ->
            plans
                .find(tx, organizationId, s.planId())
                .map(Optional::orElseThrow)
                .map(
                    plan ->
                        SubscriptionLifecycle.update(
                            s, plan, name, endingAt, subscriptionAt, now)));
  }

  /**
   * {@code DELETE /subscriptions/{external_id}}: terminates an active one, cancels a pending one.
   */
  public Uni<SubscriptionView> terminate(
      UUID organizationId,
      String externalId,
      String status,
      String onTerminationInvoice,
      String onTerminationCreditNote) {
    Instant now = clock.instant();
    return inLine(
        organizationId,
        externalId,
        status,
        (tx, s) ->
            writes
                .next(tx, s)
                .map(
                    next ->
                        SubscriptionLifecycle.terminate(
                            s, next, onTerminationInvoice, onTerminationCreditNote, now)));
  }

  private interface LineChange {
    Uni<SubscriptionChange> apply(SqlClient tx, Subscription subscription);
  }

  /** Runs a change on the line's subscription in {@code status} (null: active, else pending). */
  private Uni<SubscriptionView> inLine(
      UUID organizationId, String externalId, String status, LineChange change) {
    return pool.withTransaction(
        tx ->
            customerStore
                .lockOrganization(tx, organizationId)
                .flatMap(
                    org ->
                        subscriptions
                            .openLine(tx, organizationId, externalId)
                            .map(
                                line ->
                                    line.stream()
                                        .filter(
                                            s ->
                                                status == null
                                                    || s.status().wireName().equals(status))
                                        .min(
                                            java.util.Comparator.comparing(
                                                (Subscription s) -> s.isActive() ? 0 : 1))
                                        .orElseThrow(() -> ApiException.notFound("subscription")))
                            .flatMap(s -> change.apply(tx, s))
                            .flatMap(c -> writes.write(tx, org, c).replaceWith(c.result().id())))
                .flatMap(id -> writes.viewById(tx, organizationId, id)));
  }
}
