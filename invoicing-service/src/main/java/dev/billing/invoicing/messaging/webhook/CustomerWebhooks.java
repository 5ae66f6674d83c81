package dev.billing.invoicing.messaging.webhook;

import dev.billing.invoicing.app.customer.CustomerStore;
import dev.billing.invoicing.app.webhook.WebhookPayloads;
import dev.billing.invoicing.domain.webhook.WebhookTypes;
import dev.billing.invoicing.persistence.webhook.WebhookOutbox;
import dev.billing.platform.consumer.Decoded;
import dev.billing.platform.consumer.InboundMessage;
import dev.billing.platform.consumer.MessageHandler;
import dev.billing.platform.contracts.CustomerMessage;
import dev.billing.platform.contracts.MessageCodec;
import dev.billing.platform.kafka.Topics;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Announces customers to the organization's webhook endpoints from invoicing's own {@code
 * billing.customers} messages: the first revision as customer.created, later ones as
 * customer.updated. Consumed like any other topic, so a webhook is sent once per change.
 */
@ApplicationScoped
public class CustomerWebhooks implements MessageHandler<CustomerMessage> {

  private final CustomerStore customers;
  private final WebhookOutbox webhooks;
  private final WebhookPayloads payloads;

  public CustomerWebhooks(
      CustomerStore customers, WebhookOutbox webhooks, WebhookPayloads payloads) {
    this.customers = customers;
    this.webhooks = webhooks;
    this.payloads = payloads;
  }

  @Override
  public String name() {
    return "customer-webhooks";
  }

  @Override
  public String topic() {
    return Topics.CUSTOMERS;
  }

  @Override
  public CustomerMessage decode(InboundMessage message) {
    return MessageCodec.decode(message.value(), CustomerMessage.class);
  }

  @Override
  public Uni<Void> apply(SqlConnection tx, List<Decoded<CustomerMessage>> messages) {
    return Multi.createFrom()
        .iterable(messages)
        .map(Decoded::value)
        .filter(m -> !m.deleted())
        .onItem()
        .transformToUniAndConcatenate(
            m ->
                customers
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
                                    payloads.customer(view))))
        .collect()
        .last()
        .replaceWithVoid();
  }
}
