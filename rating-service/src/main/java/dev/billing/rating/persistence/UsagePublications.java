package dev.billing.rating.persistence;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The subscriptions whose usage is to be published: {@code usage_dirty} (metering marks them, see
 * {@link MeteringSideEffects#markDirty}) moved to {@code usage_publishing} by a claim, then taken
 * by the transaction that publishes them.
 */
@ApplicationScoped
public class UsagePublications {

  private static final String CLAIM =
      "WITH claimed AS (DELETE FROM usage_dirty WHERE subscription_id IN (SELECT subscription_id"
          + " FROM usage_dirty ORDER BY updated_at LIMIT $1 FOR UPDATE SKIP LOCKED)"
          + " RETURNING subscription_id, organization_id)"
          + " INSERT INTO usage_publishing (subscription_id, organization_id)"
          + " SELECT subscription_id, organization_id FROM claimed ON CONFLICT DO NOTHING";
  private static final String TAKE =
      "DELETE FROM usage_publishing WHERE subscription_id IN (SELECT subscription_id"
          + " FROM usage_publishing ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED)"
          + " RETURNING subscription_id";

  /** Moves up to {@code limit} dirty subscriptions to the ones being published. */
  public Uni<Void> claim(SqlClient client, int limit) {
    return client.preparedQuery(CLAIM).execute(Tuple.of(limit)).replaceWithVoid();
  }

  /** Takes up to {@code limit} claimed subscriptions, locked until the transaction ends. */
  public Uni<List<UUID>> take(SqlClient tx, int limit) {
    return tx.preparedQuery(TAKE)
        .execute(Tuple.of(limit))
        .map(
            rows -> {
              List<UUID> ids = new ArrayList<>();
              rows.forEach(row -> ids.add(row.getUUID(0)));
              return ids;
            });
  }
}
