package dev.billing.invoicing.persistence.webhook;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/** The last status of each subscription announced by webhook, and the revision it came from. */
@ApplicationScoped
public class SubscriptionWebhookStateRepository {

  /**
   * @param status the status announced
   * @param revision the subscription's revision that carried it
   */
  public record Announced(String status, long revision) {}

  /** What was announced of the subscription, its row locked until commit. */
  public Uni<Optional<Announced>> findForUpdate(SqlClient tx, UUID subscriptionId) {
    return tx.preparedQuery(
            "SELECT status, revision FROM subscription_webhook_states WHERE subscription_id = $1"
                + " FOR UPDATE")
        .execute(Tuple.of(subscriptionId))
        .map(
            rows -> {
              if (rows.size() == 0) {
                return Optional.empty();
              }
              var row = rows.iterator().next();
              return Optional.of(new Announced(row.getString("status"), row.getLong("revision")));
            });
  }

  public Uni<Void> remember(SqlClient tx, UUID subscriptionId, String status, long revision) {
    return tx.preparedQuery(
            "INSERT INTO subscription_webhook_states (subscription_id, status, revision)"
                + " VALUES ($1, $2, $3) ON CONFLICT (subscription_id) DO UPDATE"
                + " SET status = excluded.status, revision = excluded.revision, updated_at = now()")
        .execute(Tuple.of(subscriptionId, status, revision))
        .replaceWithVoid();
  }
}
