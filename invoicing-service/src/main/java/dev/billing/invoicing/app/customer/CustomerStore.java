package dev.billing.invoicing.app.customer;

import dev.billing.invoicing.app.outbox.ChangeWriter;
import dev.billing.invoicing.domain.ErrorCode;
import dev.billing.invoicing.domain.customer.Customer;
import dev.billing.invoicing.domain.customer.CustomerChanges;
import dev.billing.invoicing.domain.customer.CustomerRules;
import dev.billing.invoicing.domain.organization.Organization;
import dev.billing.invoicing.domain.subscription.Subscription;
import dev.billing.invoicing.domain.subscription.SubscriptionLifecycle;
import dev.billing.invoicing.persistence.CustomerRepository;
import dev.billing.invoicing.persistence.CustomerView;
import dev.billing.invoicing.persistence.OrganizationRepository;
import dev.billing.invoicing.persistence.Page;
import dev.billing.invoicing.persistence.SubscriptionRepository;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.ValidationErrors;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Customer changes, each in one transaction with its {@code billing.customers} message (and, when a
 * change reaches its subscriptions, their {@code billing.subscriptions} messages). Writes of one
 * organization are serialized on its row: sequential ids and external ids stay unique.
 */
@ApplicationScoped
public class CustomerStore {

  private final Pool pool;
  private final OrganizationRepository organizations;
  private final CustomerRepository customers;
  private final SubscriptionRepository subscriptions;
  private final ChangeWriter writer;
  private final Clock clock;

  public CustomerStore(
      Pool pool,
      OrganizationRepository organizations,
      CustomerRepository customers,
      SubscriptionRepository subscriptions,
      ChangeWriter writer,
      Clock clock) {
    this.pool = pool;
    this.organizations = organizations;
    this.customers = customers;
    this.subscriptions = subscriptions;
    this.writer = writer;
    this.clock = clock;
  }

  /** Lago's create-or-update by {@code external_id}, with validated changes. */
  public Uni<CustomerView> upsert(UUID organizationId, String externalId, CustomerChanges changes) {
    Instant now = clock.instant();
    return pool.withTransaction(
        tx ->
            lockOrganization(tx, organizationId)
                .flatMap(
                    org ->
                        findOrBlank(tx, organizationId, externalId, now)
                            .flatMap(
                                held -> {
                                  Customer updated =
                                      CustomerRules.apply(held, changes, now, UUID::randomUUID);
                                  return subscriptions
                                      .openOfCustomer(tx, organizationId, held.id())
                                      .flatMap(
                                          open -> {
                                            requireSameCurrency(held, updated, open);
                                            return writer
                                                .customer(tx, updated)
                                                .call(
                                                    () ->
                                                        reannounceIfZoneChanged(
                                                            tx, held, updated, open, org, now));
                                          })
                                      .map(c -> view(c, org));
                                })));
  }

  public Uni<CustomerView> find(UUID organizationId, String externalId) {
    return organizations
        .find(pool, organizationId)
        .flatMap(
            org ->
                customers
                    .find(pool, organizationId, externalId)
                    .map(
                        found ->
                            view(
                                found.orElseThrow(() -> ApiException.notFound("customer")),
                                org.orElseThrow())));
  }

  /** One page of live customers, and how many there are. */
  public Uni<Page<CustomerView>> list(UUID organizationId, int limit, long offset) {
    return organizations
        .find(pool, organizationId)
        .map(Optional::orElseThrow)
        .flatMap(
            org ->
                customers
                    .count(pool, organizationId)
                    .flatMap(
                        total ->
                            customers
                                .list(pool, organizationId, limit, offset)
                                .map(
                                    list ->
                                        new Page<>(
                                            list.stream().map(c -> view(c, org)).toList(),
                                            total))));
  }

  /**
   * Deletes a customer: its active subscriptions are terminated and its pending ones canceled
   * first, as Lago does.
   */
  public Uni<CustomerView> delete(UUID organizationId, String externalId) {
    Instant now = clock.instant();
    return pool.withTransaction(
        tx ->
            lockOrganization(tx, organizationId)
                .flatMap(
                    org ->
                        customers
                            .findForUpdate(tx, organizationId, externalId)
                            .map(
                                found -> found.orElseThrow(() -> ApiException.notFound("customer")))
                            .flatMap(
                                customer ->
                                    subscriptions
                                        .openOfCustomer(tx, organizationId, customer.id())
                                        .flatMap(
                                            open ->
                                                writer.subscriptions(
                                                    tx,
                                                    endAll(open, now),
                                                    customer,
                                                    customer.applicableTimezone(org.timezone())))
                                        .flatMap(
                                            ignored -> writer.customer(tx, customer.deletedAt(now)))
                                        .map(deleted -> view(deleted, org)))));
  }

  private static List<Subscription> endAll(List<Subscription> open, Instant now) {
    List<Subscription> writes = new ArrayList<>();
    // pending ones first: a downgrade's pending successor is canceled with its predecessor
    for (Subscription s : open) {
      if (s.isPending() && s.previousId() == null) {
        writes.addAll(
            SubscriptionLifecycle.terminate(s, Optional.empty(), null, null, now).writes());
      }
    }
    for (Subscription s : open) {
      if (s.isActive()) {
        Optional<Subscription> next =
            open.stream().filter(p -> p.isPending() && p.id().equals(s.nextId())).findFirst();
        writes.addAll(SubscriptionLifecycle.terminate(s, next, null, null, now).writes());
      }
    }
    return writes;
  }

  /**
   * A customer with subscriptions keeps their currency (Lago's {@code currencies_does_not_match}).
   */
  private static void requireSameCurrency(
      Customer held, Customer updated, List<Subscription> open) {
    if (!open.isEmpty()
        && held.currency() != null
        && !Objects.equals(held.currency(), updated.currency())) {
      throw ValidationErrors.single("currency", ErrorCode.CURRENCIES_DOES_NOT_MATCH.code());
    }
  }

  /** The zone travels on subscription messages: a new zone is announced on each open one. */
  private Uni<Void> reannounceIfZoneChanged(
      SqlClient tx,
      Customer held,
      Customer updated,
      List<Subscription> open,
      Organization org,
      Instant now) {
    String before = held.applicableTimezone(org.timezone());
    String after = updated.applicableTimezone(org.timezone());
    if (open.isEmpty() || before.equals(after)) {
      return Uni.createFrom().voidItem();
    }
    return writer.subscriptions(
        tx, open.stream().map(s -> s.touched(now)).toList(), updated, after);
  }

  private Uni<Customer> findOrBlank(
      SqlClient tx, UUID organizationId, String externalId, Instant now) {
    return customers
        .findForUpdate(tx, organizationId, externalId)
        .flatMap(
            found ->
                found.isPresent()
                    ? Uni.createFrom().item(found.get())
                    : customers
                        .nextSequentialId(tx, organizationId)
                        .map(
                            seq ->
                                Customer.blank(
                                    UUID.randomUUID(), organizationId, externalId, seq, now)));
  }

  /** Locks the organization's row: its writes are serialized, its ids stay unique. */
  public Uni<Organization> lockOrganization(SqlClient tx, UUID organizationId) {
    return organizations
        .findForUpdate(tx, organizationId)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("organization")));
  }

  static CustomerView view(Customer customer, Organization org) {
    return new CustomerView(customer, org.timezone(), org.documentNumberPrefix());
  }
}
