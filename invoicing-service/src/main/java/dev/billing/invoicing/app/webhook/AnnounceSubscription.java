package dev.billing.invoicing.app.webhook;

import dev.billing.invoicing.domain.webhook.WebhookTypes;
import dev.billing.invoicing.persistence.SubscriptionRepository;
import dev.billing.invoicing.persistence.webhook.SubscriptionWebhookStateRepository;
import dev.billing.invoicing.persistence.webhook.WebhookOutbox;
import dev.billing.platform.contracts.SubscriptionMessage;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Announces a subscription change to the organization's webhook endpoints, in the transaction of
 * the consumer of invoicing's own {@code billing.subscriptions} messages: a new status as
 * subscription.started, .terminated or .canceled (once), any other change as subscription.updated.
 */
@ApplicationScoped
public class AnnounceSubscription {

  private final SubscriptionRepository subscriptions;
  private final SubscriptionWebhookStateRepository announced;
  private final WebhookOutbox webhooks;
  private final WebhookPayloads payloads;
  private final Clock clock;

  public AnnounceSubscription(
      SubscriptionRepository subscriptions,
      SubscriptionWebhookStateRepository announced,
      WebhookOutbox webhooks,
      WebhookPayloads payloads,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.announced = announced;
    this.webhooks = webhooks;
    this.payloads = payloads;
    this.clock = clock;
  }

  public Uni<Void> apply(SqlClient tx, SubscriptionMessage m) {
    return announced
        .findForUpdate(tx, m.subscriptionId())
        .flatMap(
            last -> {
              String previous = null;
              if (last.isPresent()) {
                if (last.get().revision() >= m.revision()) {
                  return Uni.createFrom().voidItem(); // an older state, after a newer one
                }
                previous = last.get().status();
              }
              String type = type(previous, m.status());
              return announced
                  .remember(tx, m.subscriptionId(), m.status(), m.revision())
                  .chain(() -> type == null ? none() : send(tx, m, type));
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

  private Uni<Void> send(SqlClient tx, SubscriptionMessage m, String type) {
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
