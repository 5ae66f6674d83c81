package dev.billing.platform.outbox;

import dev.billing.platform.contracts.MessageCodec;
import java.util.UUID;

/**
 * One row of the outbox: published to {@code billing.<aggregateType>} with key {@code aggregateId}
 * and header {@code id}.
 *
 * @param id message id, the consumers' deduplication key
 * @param organizationId the tenant, or null for system messages
 * @param aggregateType picks the topic, e.g. {@code organizations}
 * @param aggregateId the Kafka key: one aggregate's messages stay in order
 * @param type contract type, e.g. {@code organization.updated}
 * @param schemaVersion contract version
 * @param payload the message JSON
 */
public record OutboxMessage(
    UUID id,
    UUID organizationId,
    String aggregateType,
    String aggregateId,
    String type,
    int schemaVersion,
    String payload) {

  public static OutboxMessage of(
      UUID organizationId,
      String aggregateType,
      String aggregateId,
      String type,
      int schemaVersion,
      Object contract) {
    return new OutboxMessage(
        UUID.randomUUID(),
        organizationId,
        aggregateType,
        aggregateId,
        type,
        schemaVersion,
        MessageCodec.encode(contract));
  }
}
