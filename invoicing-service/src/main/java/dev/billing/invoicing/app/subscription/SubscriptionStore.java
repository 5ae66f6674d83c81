package dev.billing.invoicing.app.subscription;

import dev.billing.invoicing.app.customer.CustomerStore;
import dev.billing.invoicing.app.outbox.ChangeWriter;
import dev.billing.invoicing.domain.customer.Customer;
import dev.billing.invoicing.domain.organization.Organization;
import dev.billing.invoicing.domain.plan.Plan;
import dev.billing.invoicing.domain.subscription.CreateRequest;
import dev.billing.invoicing.domain.subscription.Subscription;
import dev.billing.invoicing.domain.subscription.SubscriptionChange;
import dev.billing.invoicing.domain.subscription.SubscriptionLifecycle;
import dev.billing.invoicing.domain.subscription.SubscriptionLifecycle.Line;
import dev.billing.invoicing.persistence.CustomerRepository;
import dev.billing.invoicing.persistence.Page;
import dev.billing.invoicing.persistence.PlanRepository;
import dev.billing.invoicing.persistence.SubscriptionRepository;
import dev.billing.invoicing.persistence.SubscriptionView;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.ValidationErrors;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Subscription changes, each in one transaction with its {@code billing.subscriptions} messages
 * (and the customer's, when a subscription creates the customer or sets its currency). Writes of
 * one organization are serialized on its row.
 */
@ApplicationScoped
public class SubscriptionStore {

  private final Pool pool;
  private final CustomerStore customerStore;
  private final CustomerRepository customers;
  private final PlanRepository plans;
  private final LivePlans planReads;
  private final SubscriptionRepository subscriptions;
  private final ChangeWriter writer;
  private final Clock clock;

  public SubscriptionStore(
      Pool pool,
      CustomerStore customerStore,
      CustomerRepository customers,
      PlanRepository plans,
      LivePlans planReads,
      SubscriptionRepository subscriptions,
      ChangeWriter writer,
      Clock clock) {
    this.pool = pool;
    this.customerStore = customerStore;
    this.customers = customers;
    this.plans = plans;
    this.planReads = planReads;
    this.subscriptions = subscriptions;
    this.writer = writer;
    this.clock = clock;
  }

  /**
   * {@code POST /subscriptions}: an unknown customer is created (Lago does); the plan must exist
   * and be in the customer's currency, which it sets if the customer has none yet.
   */
  public Uni<SubscriptionView> create(
      UUID organizationId, String externalCustomerId, String planCode, CreateRequest request) {
    Instant now = clock.instant();
    // the plan may be newer than this read model: its owner is asked before the transaction
    return planReads
        .findLive(organizationId, planCode)
        .chain(
            () -> createInTransaction(organizationId, externalCustomerId, planCode, request, now));
  }

  private Uni<SubscriptionView> createInTransaction(
      UUID organizationId,
      String externalCustomerId,
      String planCode,
      CreateRequest request,
      Instant now) {
    return pool.withTransaction(
        tx ->
            customerStore
                .lockOrganization(tx, organizationId)
                .flatMap(
                    org ->
                        plans
                            .findLive(tx, organizationId, planCode)
                            .map(found -> found.orElseThrow(() -> ApiException.notFound("plan")))
                            .flatMap(
                                plan ->
                                    customerFor(tx, org, externalCustomerId, plan, now)
                                        .flatMap(
                                            customer ->
                                                createFor(tx, org, customer, plan, request, now))))
                .flatMap(id -> viewById(tx, organizationId, id)));
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
            next(tx, s)
                .map(
                    next ->
                        SubscriptionLifecycle.terminate(
                            s, next, onTerminationInvoice, onTerminationCreditNote, now)));
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
                                        : write(tx, org, change.get()).replaceWith(true))));
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
      return next(tx, s).map(next -> Optional.of(SubscriptionLifecycle.end(s, next, now)));
    }
    return Uni.createFrom().item(Optional.empty());
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
                            .flatMap(c -> write(tx, org, c).replaceWith(c.result().id())))
                .flatMap(id -> viewById(tx, organizationId, id)));
  }

  private Uni<Optional<Subscription>> next(SqlClient tx, Subscription s) {
    return s.nextId() == null
        ? Uni.createFrom().item(Optional.empty())
        : subscriptions.find(tx, s.organizationId(), s.nextId());
  }

  private Uni<Customer> customerFor(
      SqlClient tx, Organization org, String externalCustomerId, Plan plan, Instant now) {
    return customers
        .findForUpdate(tx, org.id(), externalCustomerId)
        .flatMap(
            found -> {
              if (found.isPresent()) {
                Customer customer = found.get();
                if (customer.currency() == null) {
                  return writer.customer(tx, customer.withCurrency(plan.currency(), now));
                }
                if (!customer.currency().equals(plan.currency())) {
                  throw ValidationErrors.single("currency", "currencies_does_not_match");
                }
                return Uni.createFrom().item(customer);
              }
              return customers
                  .nextSequentialId(tx, org.id())
                  .map(
                      seq ->
                          Customer.blank(UUID.randomUUID(), org.id(), externalCustomerId, seq, now)
                              .withCurrency(plan.currency(), now))
                  .flatMap(created -> writer.customer(tx, created));
            });
  }

  private Uni<UUID> createFor(
      SqlClient tx,
      Organization org,
      Customer customer,
      Plan plan,
      CreateRequest request,
      Instant now) {
    ZoneId zone = ZoneId.of(customer.applicableTimezone(org.timezone()));
    return subscriptions
        .openLine(tx, org.id(), request.externalId())
        .flatMap(
            open -> {
              Optional<Subscription> active =
                  open.stream().filter(Subscription::isActive).findFirst();
              Optional<Subscription> pending =
                  open.stream().filter(Subscription::isPending).findFirst();
              if (open.stream().anyMatch(s -> !s.customerId().equals(customer.id()))) {
                throw ValidationErrors.single("external_id", "value_already_exist");
              }
              Uni<Plan> activePlan =
                  active.isEmpty()
                      ? Uni.createFrom().nullItem()
                      : plans.find(tx, org.id(), active.get().planId()).map(Optional::orElseThrow);
              return activePlan.map(
                  currentPlan ->
                      SubscriptionLifecycle.create(
                          request,
                          org.id(),
                          customer.id(),
                          plan,
                          new Line(active, currentPlan, pending),
                          zone,
                          now,
                          UUID::randomUUID));
            })
        .flatMap(change -> write(tx, org, change).replaceWith(change.result().id()));
  }

  private Uni<Void> write(SqlClient tx, Organization org, SubscriptionChange change) {
    if (!change.changed()) {
      return Uni.createFrom().voidItem();
    }
    return customers
        .findById(tx, org.id(), change.result().customerId())
        .map(Optional::orElseThrow)
        .flatMap(
            customer ->
                writer.subscriptions(
                    tx, change.writes(), customer, customer.applicableTimezone(org.timezone())));
  }

  private Uni<SubscriptionView> viewById(SqlClient tx, UUID organizationId, UUID id) {
    return subscriptions.viewById(tx, organizationId, id).map(Optional::orElseThrow);
  }
}
