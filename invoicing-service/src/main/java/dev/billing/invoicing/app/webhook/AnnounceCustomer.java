package dev.billing.invoicing.app.webhook;

import dev.billing.invoicing.app.customer.CustomerStore;
import dev.billing.invoicing.domain.webhook.WebhookTypes;
import dev.billing.invoicing.persistence.webhook.WebhookOutbox;
import dev.billing.platform.contracts.CustomerMessage;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Announces a customer to the organization's webhook endpoints, in the transaction of the consumer
 * of invoicing's own {@code billing.customers} messages: the first revision as customer.created,
 * later ones as customer.updated.
 */
@ApplicationScoped
public class AnnounceCustomer {

  private final CustomerStore customers;
  private final WebhookOutbox webhooks;
  private final WebhookPayloads payloads;

  public AnnounceCustomer(
      CustomerStore customers, WebhookOutbox webhooks, WebhookPayloads payloads) {
    this.customers = customers;
    this.webhooks = webhooks;
    this.payloads = payloads;
  }

  public Uni<Integer> apply(SqlClient tx, CustomerMessage m) {
    return customers
        .find(m.organizationId(), m.externalId())
        .onFailure()
        .recoverWithNull()
        .flatMap(
            view ->
                view == null
                    ? Uni.createFrom().item(0)
                    : webhooks.enqueue(
                        tx,
                        m.organizationId(),
                        m.revision() == 1
                            ? WebhookTypes.CUSTOMER_CREATED
                            : WebhookTypes.CUSTOMER_UPDATED,
                        "customer",
                        payloads.customer(view)));
  }
}
