package dev.billing.platform.consumer;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.List;

/**
 * The domain side of an idempotent consumer. The platform polls the topic, drops messages this
 * consumer already processed, and calls {@link #apply} inside the transaction that records the rest
 * as processed; offsets are committed after that transaction commits. Every CDI bean implementing
 * this is started at boot.
 */
public interface MessageHandler<T> {

  /** Stable name: the consumer group's suffix and the key of its processed-message records. */
  String name();

  String topic();

  /**
   * The contract type of a message. Throw {@link dev.billing.platform.contracts
   * .UndecodableMessageException} (or any runtime exception) for a message that can never be
   * processed: it goes to the dead-letter topic with the reason.
   */
  T decode(InboundMessage message);

  /** Applies messages not seen before, in partition order, inside {@code transaction}. */
  Uni<Void> apply(SqlConnection transaction, List<Decoded<T>> messages);

  /** Runs after the transaction of {@link #apply} committed (e.g. to drop a cache). */
  default void afterCommit(List<Decoded<T>> messages) {}

  /**
   * Whether the platform records message ids in {@code processed_messages}. A handler whose writes
   * are idempotent by themselves (e.g. keyed by the message's natural identity and Kafka position)
   * turns this off to save a write per message.
   */
  default boolean recordsProcessedIds() {
    return true;
  }

  /** How many consumer threads share the topic's partitions (one transaction each at a time). */
  default int concurrency() {
    return 1;
  }

  /** At most this many messages per transaction. */
  default int maxBatchSize() {
    return 500;
  }
}
