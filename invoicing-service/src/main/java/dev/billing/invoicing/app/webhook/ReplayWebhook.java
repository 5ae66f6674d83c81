package dev.billing.invoicing.app.webhook;

import dev.billing.invoicing.domain.webhook.WebhookDelivery;
import dev.billing.invoicing.persistence.webhook.WebhookDeliveryRepository;
import dev.billing.platform.error.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.UUID;

/** Makes a webhook delivery due now, for one more attempt; 404 {@code webhook_not_found}. */
@ApplicationScoped
public class ReplayWebhook {

  private final WebhookDeliveryRepository deliveries;
  private final Pool pool;
  private final Clock clock;

  public ReplayWebhook(WebhookDeliveryRepository deliveries, Pool pool, Clock clock) {
    this.deliveries = deliveries;
    this.pool = pool;
    this.clock = clock;
  }

  /** The delivery as it is before that attempt. */
  public Uni<WebhookDelivery> apply(UUID id) {
    return deliveries
        .replay(pool, id, clock.instant())
        .map(found -> found.orElseThrow(() -> ApiException.notFound("webhook")));
  }
}
