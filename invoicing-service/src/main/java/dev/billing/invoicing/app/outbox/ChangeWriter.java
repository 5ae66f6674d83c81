package dev.billing.invoicing.app.outbox;

import dev.billing.invoicing.domain.customer.Customer;
import dev.billing.invoicing.domain.subscription.Subscription;
import dev.billing.invoicing.persistence.CustomerRepository;
import dev.billing.invoicing.persistence.SubscriptionRepository;
import dev.billing.platform.outbox.OutboxWriter;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Stores customers and subscriptions together with the message that announces each new revision, in
 * the caller's transaction: no change without its message, no message without its change.
 */
@ApplicationScoped
public class ChangeWriter {

  private final CustomerRepository customers;
  private final SubscriptionRepository subscriptions;
  private final OutboxWriter outbox;

  public ChangeWriter(
      CustomerRepository customers, SubscriptionRepository subscriptions, OutboxWriter outbox) {
    this.customers = customers;
    this.subscriptions = subscriptions;
    this.outbox = outbox;
  }

  public Uni<Customer> customer(SqlClient tx, Customer customer) {
    return customers
        .save(tx, customer)
        .call(() -> outbox.append(tx, CustomerMessages.updated(customer)))
        .replaceWith(customer);
  }

  /**
   * Writes the subscriptions in order (the order matters: a replaced subscription leaves {@code
   * active} before its successor enters it).
   *
   * @param customer the customer they belong to
   * @param timezone the zone their periods are counted in
   */
  public Uni<Void> subscriptions(
      SqlClient tx, List<Subscription> writes, Customer customer, String timezone) {
    return Multi.createFrom()
        .iterable(writes)
        .onItem()
        .transformToUniAndConcatenate(
            s ->
                subscriptions
                    .save(tx, s)
                    .call(
                        () ->
                            outbox.append(
                                tx,
                                SubscriptionMessages.updated(s, customer.externalId(), timezone))))
        .collect()
        .last()
        .replaceWithVoid();
  }
}
