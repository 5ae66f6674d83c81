package dev.billing.testkit;

import dev.billing.platform.contracts.AcceptedEventMessage;
import dev.billing.platform.contracts.MessageCodec;
import dev.billing.platform.kafka.KafkaClients;
import dev.billing.platform.kafka.Topics;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Accepted events, written to {@code billing.events.accepted} as ingest-service writes them, so
 * rating's tests need no ingest-service.
 */
public final class TestEvents {

  private TestEvents() {}

  /**
   * One event.
   *
   * @param transactionId its id
   * @param code metric code
   * @param timestamp event time
   * @param properties property values (strings or numbers)
   */
  public record Event(
      String transactionId, String code, Instant timestamp, Map<String, Object> properties) {}

  public static Event event(String transactionId, String code, Instant at, Map<String, Object> p) {
    return new Event(transactionId, code, at, p);
  }

  /** Sends the events of one subscription, in order, and waits for Kafka's acknowledgement. */
  public static void send(UUID organizationId, String externalSubscriptionId, List<Event> events) {
    send(TestKafka.bootstrapServers(), organizationId, externalSubscriptionId, events);
  }

  public static void send(
      String bootstrap, UUID organizationId, String externalSubscriptionId, List<Event> events) {
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(KafkaClients.durableProducer(bootstrap, "test-events"))) {
      List<Future<RecordMetadata>> acks =
          events.stream()
              .map(e -> producer.send(record(organizationId, externalSubscriptionId, e)))
              .toList();
      for (Future<RecordMetadata> ack : acks) {
        ack.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("cannot send events", e.getCause());
    }
  }

  public static ProducerRecord<String, String> record(
      UUID organizationId, String externalSubscriptionId, Event e) {
    AcceptedEventMessage message =
        new AcceptedEventMessage(
            organizationId,
            "http",
            System.currentTimeMillis(),
            e.timestamp().toEpochMilli(),
            new AcceptedEventMessage.Event(
                e.transactionId(),
                e.code(),
                externalSubscriptionId,
                java.math.BigDecimal.valueOf(e.timestamp().toEpochMilli(), 3),
                e.properties(),
                null));
    return new ProducerRecord<>(
        Topics.EVENTS_ACCEPTED,
        AcceptedEventMessage.key(organizationId, externalSubscriptionId),
        MessageCodec.encode(message));
  }
}
