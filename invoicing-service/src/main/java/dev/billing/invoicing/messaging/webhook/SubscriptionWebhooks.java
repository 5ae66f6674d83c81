package dev.billing.invoicing.messaging.webhook;

import dev.billing.invoicing.app.webhook.AnnounceSubscription;
import dev.billing.platform.consumer.Decoded;
import dev.billing.platform.consumer.InboundMessage;
import dev.billing.platform.consumer.MessageHandler;
import dev.billing.platform.contracts.MessageCodec;
import dev.billing.platform.contracts.SubscriptionMessage;
import dev.billing.platform.kafka.Topics;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Announces subscription changes to the organization's webhook endpoints from invoicing's own
 * {@code billing.subscriptions} messages: a new status as subscription.started, .terminated or
 * .canceled (once), any other change as subscription.updated.
 */
@ApplicationScoped
public class SubscriptionWebhooks implements MessageHandler<SubscriptionMessage> {

  private final AnnounceSubscription announce;

  public SubscriptionWebhooks(AnnounceSubscription announce) {
    this.announce = announce;
  }

  @Override
  public String name() {
    return "subscription-webhooks";
  }

  @Override
  public String topic() {
    return Topics.SUBSCRIPTIONS;
  }

  @Override
  public SubscriptionMessage decode(InboundMessage message) {
    return MessageCodec.decode(message.value(), SubscriptionMessage.class);
  }

  @Override
  public Uni<Void> apply(SqlConnection tx, List<Decoded<SubscriptionMessage>> messages) {
    return Multi.createFrom()
        .iterable(messages)
        .map(Decoded::value)
        .onItem()
        .transformToUniAndConcatenate(m -> announce.apply(tx, m))
        .collect()
        .last()
        .replaceWithVoid();
  }
}
