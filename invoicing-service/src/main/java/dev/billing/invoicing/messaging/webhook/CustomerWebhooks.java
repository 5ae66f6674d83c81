package dev.billing.invoicing.messaging.webhook;

import dev.billing.invoicing.app.webhook.AnnounceCustomer;
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

  private final AnnounceCustomer announce;

  public CustomerWebhooks(AnnounceCustomer announce) {
    this.announce = announce;
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
        .transformToUniAndConcatenate(m -> announce.apply(tx, m))
        .collect()
        .last()
        .replaceWithVoid();
  }
}
