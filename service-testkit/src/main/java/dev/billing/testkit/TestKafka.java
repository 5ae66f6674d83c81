package dev.billing.testkit;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** The real local broker the tests run against (env KAFKA_BOOTSTRAP_SERVERS, default 9092). */
public final class TestKafka {

  private TestKafka() {}

  public static String bootstrapServers() {
    String env = System.getenv("KAFKA_BOOTSTRAP_SERVERS");
    return env != null && !env.isBlank() ? env : "127.0.0.1:9092";
  }

  /** Reads a topic from its end as of now; use one per test to see only that test's messages. */
  public static TopicTail tail(String topic) {
    return new TopicTail(bootstrapServers(), topic);
  }

  public static TopicTail tail(String bootstrap, String topic) {
    return new TopicTail(bootstrap, topic);
  }

  /** Every committed record of a topic, from the beginning to its end as of this call. */
  public static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic) {
    Properties p = new Properties();
    p.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.setProperty(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.setProperty(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          records.add(record);
        }
      }
      return records;
    }
  }

  /** Sends one message and waits for Kafka's acknowledgement. */
  public static void send(String topic, String key, String value, Map<String, String> headers) {
    send(bootstrapServers(), topic, key, value, headers);
  }

  /** Sends one message to the given broker and waits for its acknowledgement. */
  public static void send(
      String bootstrap, String topic, String key, String value, Map<String, String> headers) {
    Properties p = new Properties();
    p.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.setProperty(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.setProperty(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
      headers.forEach((name, v) -> record.headers().add(name, v.getBytes()));
      producer.send(record).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot send to " + topic, e.getCause());
    }
  }
}
