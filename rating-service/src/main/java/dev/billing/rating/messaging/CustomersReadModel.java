package dev.billing.rating.messaging;

import dev.billing.platform.consumer.Decoded;
import dev.billing.platform.consumer.InboundMessage;
import dev.billing.platform.consumer.MessageHandler;
import dev.billing.platform.contracts.CustomerMessage;
import dev.billing.platform.contracts.MessageCodec;
import dev.billing.platform.contracts.UndecodableMessageException;
import dev.billing.platform.kafka.Topics;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Keeps the customers read model (table {@code customers}) from billing.customers. */
@ApplicationScoped
public class CustomersReadModel implements MessageHandler<CustomerMessage> {

  private static final String UPSERT =
      "INSERT INTO customers AS c (customer_id, organization_id, revision, external_id, currency,"
          + " timezone, deleted) VALUES ($1, $2, $3, $4, $5, $6, $7)"
          + " ON CONFLICT (customer_id) DO UPDATE SET revision = excluded.revision,"
          + " external_id = excluded.external_id, currency = excluded.currency,"
          + " timezone = excluded.timezone, deleted = excluded.deleted, updated_at = now()"
          + " WHERE c.revision < excluded.revision";

  @Override
  public String name() {
    return "customers-read-model";
  }

  @Override
  public String topic() {
    return Topics.CUSTOMERS;
  }

  @Override
  public CustomerMessage decode(InboundMessage message) {
    CustomerMessage m = MessageCodec.decode(message.value(), CustomerMessage.class);
    if (m.customerId() == null || m.organizationId() == null || m.externalId() == null) {
      throw new UndecodableMessageException("a customer needs its ids", null);
    }
    return m;
  }

  @Override
  public Uni<Void> apply(SqlConnection tx, List<Decoded<CustomerMessage>> messages) {
    return Multi.createFrom()
        .iterable(messages)
        .onItem()
        .transformToUniAndConcatenate(
            m ->
                tx.preparedQuery(UPSERT)
                    .execute(
                        Tuple.from(
                            new Object[] {
                              m.value().customerId(),
                              m.value().organizationId(),
                              m.value().revision(),
                              m.value().externalId(),
                              m.value().currency(),
                              m.value().timezone(),
                              m.value().deleted()
                            })))
        .collect()
        .last()
        .replaceWithVoid();
  }
}
