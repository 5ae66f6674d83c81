package dev.billing.platform.outbox;

import dev.billing.platform.kafka.MessageHeaders;
import dev.billing.platform.kafka.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/** Turns a Debezium change record of the outbox table into the Kafka message it stands for. */
final class OutboxRecordMapper {

  private OutboxRecordMapper() {}

  /** The message for an inserted outbox row; null for heartbeats, updates and deletes. */
  static ProducerRecord<String, String> toKafka(SourceRecord change) {
    if (!(change.value() instanceof Struct envelope)
        || envelope.schema().field("op") == null
        || !isInsert(envelope.getString("op"))) {
      return null;
    }
    Struct row = envelope.getStruct("after");
    ProducerRecord<String, String> record =
        new ProducerRecord<>(
            Topics.forAggregateType(row.getString("aggregatetype")),
            null,
            row.getString("aggregateid"),
            row.getString("payload"));
    MessageHeaders.put(record.headers(), MessageHeaders.ID, row.getString("id"));
    MessageHeaders.put(record.headers(), MessageHeaders.TYPE, row.getString("type"));
    MessageHeaders.put(
        record.headers(),
        MessageHeaders.SCHEMA_VERSION,
        String.valueOf(row.getInt32("schema_version")));
    MessageHeaders.put(
        record.headers(), MessageHeaders.ORGANIZATION_ID, row.getString("organization_id"));
    return record;
  }

  private static boolean isInsert(String op) {
    return "c".equals(op) || "r".equals(op);
  }
}
