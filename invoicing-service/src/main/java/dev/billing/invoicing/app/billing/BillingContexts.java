package dev.billing.invoicing.app.billing;

import dev.billing.invoicing.domain.customer.Customer;
import dev.billing.invoicing.domain.organization.Organization;
import dev.billing.invoicing.domain.plan.Plan;
import dev.billing.invoicing.domain.subscription.Subscription;
import dev.billing.invoicing.persistence.BillingPositionRepository;
import dev.billing.invoicing.persistence.BillingPositionRepository.Candidate;
import dev.billing.invoicing.persistence.BillingPositionRepository.Position;
import dev.billing.invoicing.persistence.CustomerRepository;
import dev.billing.invoicing.persistence.OrganizationRepository;
import dev.billing.invoicing.persistence.PlanRepository;
import dev.billing.invoicing.persistence.SubscriptionRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Reads what a page of a billing run needs, a few queries per organization instead of a few per
 * subscription: the subscriptions, their plans, customers and organization, and their billing
 * positions (unlocked: what the run expects to bill; each billing transaction locks its own).
 */
@ApplicationScoped
public class BillingContexts {

  private final BillingPositionRepository positions;
  private final SubscriptionRepository subscriptions;
  private final PlanRepository plans;
  private final CustomerRepository customers;
  private final OrganizationRepository organizations;

  public BillingContexts(
      BillingPositionRepository positions,
      SubscriptionRepository subscriptions,
      PlanRepository plans,
      CustomerRepository customers,
      OrganizationRepository organizations) {
    this.positions = positions;
    this.subscriptions = subscriptions;
    this.plans = plans;
    this.customers = customers;
    this.organizations = organizations;
  }

  /** The contexts of a page, by subscription id; a candidate whose rows are missing is absent. */
  public Uni<Map<UUID, BillingContext>> of(SqlClient client, List<Candidate> page, Instant now) {
    Map<UUID, List<UUID>> byOrganization =
        page.stream()
            .collect(
                Collectors.groupingBy(
                    Candidate::organizationId,
                    Collectors.mapping(Candidate::subscriptionId, Collectors.toList())));
    Map<UUID, BillingContext> contexts = new HashMap<>();
    return positions
        .prepare(client, page, now)
        .flatMap(
            byId ->
                Multi.createFrom()
                    .iterable(byOrganization.entrySet())
                    .onItem()
                    .transformToUniAndConcatenate(
                        e ->
                            ofOrganization(client, e.getKey(), e.getValue(), byId)
                                .invoke(contexts::putAll))
                    .collect()
                    .last()
                    .replaceWith(contexts));
  }

  private Uni<Map<UUID, BillingContext>> ofOrganization(
      SqlClient client, UUID organizationId, List<UUID> ids, Map<UUID, Position> byId) {
    return subscriptions
        .byIds(client, organizationId, ids)
        .flatMap(
            found ->
                Uni.combine()
                    .all()
                    .unis(
                        plans.byIds(
                            client,
                            organizationId,
                            found.stream().map(Subscription::planId).distinct().toList()),
                        customers.byIds(
                            client,
                            organizationId,
                            found.stream().map(Subscription::customerId).distinct().toList()),
                        organizations.find(client, organizationId))
                    .with(
                        (planById, customerById, organization) ->
                            contexts(found, planById, customerById, organization, byId)));
  }

  private static Map<UUID, BillingContext> contexts(
      List<Subscription> found,
      Map<UUID, Plan> planById,
      Map<UUID, Customer> customerById,
      Optional<Organization> organization,
      Map<UUID, Position> byId) {
    Map<UUID, BillingContext> contexts = new HashMap<>();
    for (Subscription s : found) {
      Plan plan = planById.get(s.planId());
      Customer customer = customerById.get(s.customerId());
      Position position = byId.get(s.id());
      if (plan != null && customer != null && organization.isPresent() && position != null) {
        contexts.put(s.id(), new BillingContext(s, plan, customer, organization.get(), position));
      }
    }
    return contexts;
  }
}
