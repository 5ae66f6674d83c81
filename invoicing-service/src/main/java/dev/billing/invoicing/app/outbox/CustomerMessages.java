package dev.billing.invoicing.app.outbox;

import dev.billing.invoicing.domain.customer.Customer;
import dev.billing.platform.contracts.CustomerMessage;
import dev.billing.platform.outbox.OutboxMessage;

/** Builds the {@code billing.customers} message for a customer's current state. */
public final class CustomerMessages {

  private CustomerMessages() {}

  public static OutboxMessage updated(Customer c) {
    CustomerMessage message =
        new CustomerMessage(
            c.id(),
            c.organizationId(),
            c.revision(),
            c.externalId(),
            c.name(),
            c.address().email(),
            c.currency(),
            c.timezone(),
            c.address().country(),
            c.billing().paymentProvider(),
            c.billing().providerCustomerId(),
            c.deleted(),
            c.updatedAt());
    return OutboxMessage.of(
        c.organizationId(),
        CustomerMessage.AGGREGATE_TYPE,
        c.id().toString(),
        CustomerMessage.TYPE,
        CustomerMessage.VERSION,
        message);
  }
}
