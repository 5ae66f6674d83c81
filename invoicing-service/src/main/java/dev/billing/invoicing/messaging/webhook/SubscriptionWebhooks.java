package dev.billing.invoicing.messaging.webhook;

import dev.billing.invoicing.app.webhook.WebhookPayloads;
import dev.billing.invoicing.domain.webhook.WebhookTypes;
import dev.billing.invoicing.persistence.SubscriptionRepository;
import dev.billing.invoicing.persistence.webhook.WebhookOutbox;
import dev.billing.platform.consumer.Decoded;
import dev.billing.platform.consumer.InboundMessage;
import dev.billing.platform.consumer.MessageHandler;
import dev.billing.platform.contracts.MessageCodec;
import dev.billing.platform.contracts.SubscriptionMessage;
import dev.billing.platform.kafka.Topics;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;

/**
 * Announces subscription changes to the organization's webhook endpoints from invoicing's own
 * {@code billing.subscriptions} messages: a new status as subscription.started, .terminated or
 * .canceled (once), any other change as subscription.updated.
 */
@ApplicationScoped
public class SubscriptionWebhooks implements MessageHandler<SubscriptionMessage> {

  private final SubscriptionRepository subscriptions;
  private final WebhookOutbox webhooks;
  private final WebhookPayloads payloads;
  private final Clock clock;

  public SubscriptionWebhooks(
      SubscriptionRepository subscriptions,
      WebhookOutbox webhooks,
      WebhookPayloads payloads,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.webhooks = webhooks;
    this.payloads = payloads;
    this.clock = clock;
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
        .transformToUniAndConcatenate(m -> announce(tx, m))
        .collect()
        .last()
        .replaceWithVoid();
  }

  private Uni<Void> announce(SqlConnection tx, SubscriptionMessage m) {
    return tx.preparedQuery(
            "SELECT status, revision FROM subscription_webhook_states WHERE subscription_id = $1"
                + " FOR UPDATE")
        .execute(Tuple.of(m.subscriptionId()))
        .flatMap(
            rows -> {
              String previous = null;
              if (rows.size() > 0) {
                var row = rows.iterator().next();
                if (row.getLong("revision") >= m.revision()) {
                  return Uni.createFrom().voidItem(); // an older state, after a newer one
                }
                previous = row.getString("status");
              }
              String type = type(previous, m.status());
              return remember(tx, m).chain(() -> type == null ? none() : send(tx, m, type));
            });
  }

  /** The webhook of a change from {@code previous} (null: never announced) to {@code status}. */
  static String type(String previous, String status) {
    if (status.equals(previous)) {
      return WebhookTypes.SUBSCRIPTION_UPDATED;
    }
    return switch (status) {
      case "active" -> WebhookTypes.SUBSCRIPTION_STARTED;
      case "terminated" -> WebhookTypes.SUBSCRIPTION_TERMINATED;
      case "canceled" -> "subscription.canceled";
      default -> null; // pending: announced when it starts
    };
  }

  private Uni<Void> remember(SqlConnection tx, SubscriptionMessage m) {
    return tx.preparedQuery(
            "INSERT INTO subscription_webhook_states (subscription_id, status, revision)"
                + " VALUES ($1, $2, $3) ON CONFLICT (subscription_id) DO UPDATE"
                + " SET status = excluded.status, revision = excluded.revision, updated_at = now()")
        .execute(Tuple.of(m.subscriptionId(), m.status(), m.revision()))
        .replaceWithVoid();
  }

  private Uni<Void> send(SqlConnection tx, SubscriptionMessage m, String type) {
    return subscriptions
        .viewById(tx, m.organizationId(), m.subscriptionId())
        .flatMap(
            view ->
                view.isEmpty()
                    ? none()
                    : webhooks
                        .enqueue(
                            tx,
                            m.organizationId(),
                            type,
                            "subscription",
                            payloads.subscription(view.get(), clock.instant()))
                        .replaceWithVoid());
  }

  private static Uni<Void> none() {
    return Uni.createFrom().voidItem();
  }
}
