package dev.billing.platform.consumer;

import dev.billing.platform.config.PlatformConfig;
import dev.billing.platform.kafka.KafkaClients;
import dev.billing.platform.kafka.MessageHeaders;
import dev.billing.platform.kafka.Topics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Sends a message a consumer cannot process to {@code <topic>.dlq}, unchanged, with the reason, the
 * consumer and the original position in headers. Returns only once Kafka has it.
 */
@ApplicationScoped
public class DeadLetterPublisher {

  private static final Logger LOG = Logger.getLogger(DeadLetterPublisher.class);
  private static final int MAX_REASON_LENGTH = 1000;

  private final KafkaProducer<String, String> producer;

  public DeadLetterPublisher(PlatformConfig config) {
    this.producer =
        new KafkaProducer<>(
            KafkaClients.durableProducer(
                config.kafka().bootstrapServers(), config.serviceName() + "-dead-letters"));
  }

  public void send(String consumer, InboundMessage message, String reason)
      throws InterruptedException {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(Topics.deadLetter(message.topic()), message.key(), message.value());
    message.headers().forEach((name, value) -> MessageHeaders.put(record.headers(), name, value));
    MessageHeaders.put(record.headers(), MessageHeaders.DLQ_REASON, truncate(reason));
    MessageHeaders.put(record.headers(), MessageHeaders.DLQ_CONSUMER, consumer);
    MessageHeaders.put(record.headers(), MessageHeaders.DLQ_ORIGINAL_TOPIC, message.topic());
    MessageHeaders.put(
        record.headers(),
        MessageHeaders.DLQ_ORIGINAL_PARTITION,
        String.valueOf(message.partition()));
    MessageHeaders.put(
        record.headers(), MessageHeaders.DLQ_ORIGINAL_OFFSET, String.valueOf(message.offset()));
    try {
      producer.send(record).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot dead-letter " + message.id(), e.getCause());
    }
    LOG.warnf(
        "dead-lettered messageId=%s consumer=%s from %s-%d@%d: %s",
        message.id(), consumer, message.topic(), message.partition(), message.offset(), reason);
  }

  private static String truncate(String reason) {
    String text = reason == null ? "unknown" : reason;
    return text.length() <= MAX_REASON_LENGTH ? text : text.substring(0, MAX_REASON_LENGTH);
  }

  @PreDestroy
  void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
