package dev.billing.invoicing.app.subscription;

import dev.billing.invoicing.app.customer.CustomerStore;
import dev.billing.invoicing.app.outbox.ChangeWriter;
import dev.billing.invoicing.domain.ErrorCode;
import dev.billing.invoicing.domain.customer.Customer;
import dev.billing.invoicing.domain.organization.Organization;
import dev.billing.invoicing.domain.plan.Plan;
import dev.billing.invoicing.domain.subscription.CreateRequest;
import dev.billing.invoicing.domain.subscription.Subscription;
import dev.billing.invoicing.domain.subscription.SubscriptionLifecycle;
import dev.billing.invoicing.domain.subscription.SubscriptionLifecycle.Line;
import dev.billing.invoicing.persistence.CustomerRepository;
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
import java.util.Optional;
import java.util.UUID;

/**
 * Creates a subscription ({@code POST /subscriptions}) in one transaction with its {@code
 * billing.subscriptions} messages, and the customer's when it creates the customer or sets its
 * currency. Writes of one organization are serialized on its row.
 */
@ApplicationScoped
public class CreateSubscription {

  private final Pool pool;
  private final CustomerStore customerStore;
  private final CustomerRepository customers;
  private final PlanRepository plans;
  private final LivePlans planReads;
  private final SubscriptionRepository subscriptions;
  private final ChangeWriter writer;
  private final SubscriptionWrites writes;
  private final Clock clock;

  public CreateSubscription(
      Pool pool,
      CustomerStore customerStore,
      CustomerRepository customers,
      PlanRepository plans,
      LivePlans planReads,
      SubscriptionRepository subscriptions,
      ChangeWriter writer,
      SubscriptionWrites writes,
      Clock clock) {
    this.pool = pool;
    this.customerStore = customerStore;
    this.customers = customers;
    this.plans = plans;
    this.planReads = planReads;
    this.subscriptions = subscriptions;
    this.writer = writer;
    this.writes = writes;
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
                .flatMap(id -> writes.viewById(tx, organizationId, id)));
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
                  throw ValidationErrors.single(
                      "currency", ErrorCode.CURRENCIES_DOES_NOT_MATCH.code());
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
                throw ValidationErrors.single("external_id", ErrorCode.VALUE_ALREADY_EXIST.code());
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
        .flatMap(change -> writes.write(tx, org, change).replaceWith(change.result().id()));
  }
}
