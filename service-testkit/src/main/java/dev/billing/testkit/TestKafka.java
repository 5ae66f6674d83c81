package dev.billing.testkit;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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

  /** Sends one message and waits for Kafka's acknowledgement. */
  public static void send(String topic, String key, String value, Map<String, String> headers) {
    Properties p = new Properties();
    p.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
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
