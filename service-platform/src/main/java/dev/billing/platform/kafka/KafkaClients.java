package dev.billing.platform.kafka;

import java.util.Properties;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;

/** Client settings shared by every producer of ours: one place for the durability defaults. */
public final class KafkaClients {

  private KafkaClients() {}

  /**
   * A producer that never reports success for a record Kafka has not stored: {@code acks=all},
   * idempotent (retries cannot duplicate or reorder within a partition), string key and value.
   */
  public static Properties durableProducer(String bootstrapServers, String clientId) {
    Properties p = new Properties();
    p.setProperty(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
    p.setProperty(ProducerConfig.CLIENT_ID_CONFIG, clientId);
    p.setProperty(ProducerConfig.ACKS_CONFIG, "all");
    p.setProperty(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
    p.setProperty(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    p.setProperty(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
    return p;
  }
}
