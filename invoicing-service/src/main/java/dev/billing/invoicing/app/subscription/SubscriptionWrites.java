package dev.billing.invoicing.app.subscription;

import dev.billing.invoicing.app.outbox.ChangeWriter;
import dev.billing.invoicing.domain.organization.Organization;
import dev.billing.invoicing.domain.subscription.Subscription;
import dev.billing.invoicing.domain.subscription.SubscriptionChange;
import dev.billing.invoicing.persistence.CustomerRepository;
import dev.billing.invoicing.persistence.SubscriptionRepository;
import dev.billing.invoicing.persistence.SubscriptionView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** What the subscription use cases write and read back in their transactions. */
@ApplicationScoped
public class SubscriptionWrites {

  private final CustomerRepository customers;
  private final SubscriptionRepository subscriptions;
  private final ChangeWriter writer;

  public SubscriptionWrites(
      CustomerRepository customers, SubscriptionRepository subscriptions, ChangeWriter writer) {
    this.customers = customers;
    this.subscriptions = subscriptions;
    this.writer = writer;
  }

  /** Writes a change with its messages (nothing when it changed nothing). */
  public Uni<Void> write(SqlClient tx, Organization org, SubscriptionChange change) {
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

  /** The subscription as the API shows it. */
  public Uni<SubscriptionView> viewById(SqlClient tx, UUID organizationId, UUID id) {
    return subscriptions.viewById(tx, organizationId, id).map(Optional::orElseThrow);
  }

  /** The subscription that follows {@code s} on its line (a downgrade waiting), if any. */
  public Uni<Optional<Subscription>> next(SqlClient tx, Subscription s) {
    return s.nextId() == null
        ? Uni.createFrom().item(Optional.empty())
        : subscriptions.find(tx, s.organizationId(), s.nextId());
  }
}
