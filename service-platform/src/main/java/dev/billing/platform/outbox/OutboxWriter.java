package dev.billing.platform.outbox;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Appends to the outbox inside the caller's transaction: pass the same connection the state change
 * was written with, so both commit or neither does.
 */
@ApplicationScoped
public class OutboxWriter {

  private static final String INSERT =
      "INSERT INTO outbox (id, organization_id, aggregatetype, aggregateid, type, schema_version,"
          + " payload) VALUES ($1, $2, $3, $4, $5, $6, $7)";

  public Uni<Void> append(SqlClient transaction, OutboxMessage message) {
    return transaction
        .preparedQuery(INSERT)
        .execute(
            Tuple.from(
                new Object[] {
                  message.id(),
                  message.organizationId(),
                  message.aggregateType(),
                  message.aggregateId(),
                  message.type(),
                  message.schemaVersion(),
                  message.payload()
                }))
        .replaceWithVoid();
  }
}
