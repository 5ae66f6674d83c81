package dev.billing.bench.ingest;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Counts the messages of one organization written to a topic between two offset snapshots. */
final class TopicCount {

  private TopicCount() {}

  static Map<TopicPartition, Long> endOffsets(String bootstrap, String topic) {
    try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
      List<TopicPartition> partitions = partitions(consumer, topic);
      return new HashMap<>(consumer.endOffsets(partitions));
    }
  }

  /**
   * What was found.
   *
   * @param records records of the organization
   * @param valueBytes their total value size
   */
  record Found(long records, long valueBytes) {}

  /**
   * Reads from {@code from} to the current end, counting records whose key starts with the prefix.
   */
  static Found count(
      String bootstrap, String topic, Map<TopicPartition, Long> from, String keyPrefix) {
    try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
      List<TopicPartition> partitions = partitions(consumer, topic);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      consumer.assign(partitions);
      partitions.forEach(p -> consumer.seek(p, from.getOrDefault(p, 0L)));
      long count = 0;
      long bytes = 0;
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
          if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))
              && record.key() != null
              && record.key().startsWith(keyPrefix)) {
            count++;
            bytes += record.value().length;
          }
        }
      }
      return new Found(count, bytes);
    }
  }

  private static List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
    return consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
        .map(info -> new TopicPartition(topic, info.partition()))
        .toList();
  }

  private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
    Properties p = new Properties();
    p.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    p.setProperty(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.setProperty(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return new KafkaConsumer<>(p);
  }
}
