package dev.billing.platform.consumer;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The processed-message ledger of idempotent consumers (table {@code processed_messages}). */
final class ProcessedMessages {

  private static final String RECORD_NEW =
      "INSERT INTO processed_messages (consumer, message_id, organization_id)"
          + " SELECT $1, m.id, m.org FROM unnest($2::varchar[], $3::uuid[]) AS m(id, org)"
          + " ON CONFLICT DO NOTHING RETURNING message_id";

  private ProcessedMessages() {}

  /**
   * Records the messages as processed by {@code consumer} and returns those that were not: the ones
   * to apply, in their original order, each id once.
   */
  static <T> Uni<List<Decoded<T>>> recordNew(
      SqlConnection transaction, String consumer, List<Decoded<T>> batch) {
    String[] ids = new String[batch.size()];
    UUID[] orgs = new UUID[batch.size()];
    for (int i = 0; i < batch.size(); i++) {
      ids[i] = batch.get(i).message().id();
      orgs[i] = batch.get(i).message().organizationId();
    }
    return transaction
        .preparedQuery(RECORD_NEW)
        .execute(Tuple.of(consumer, ids, orgs))
        .map(
            rows -> {
              Set<String> fresh = new HashSet<>();
              for (Row row : rows) {
                fresh.add(row.getString(0));
              }
              List<Decoded<T>> toApply = new ArrayList<>(fresh.size());
              for (Decoded<T> decoded : batch) {
                if (fresh.remove(decoded.message().id())) {
                  toApply.add(decoded);
                }
              }
              return toApply;
            });
  }
}
