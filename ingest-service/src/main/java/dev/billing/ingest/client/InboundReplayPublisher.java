package dev.billing.ingest.client;

import dev.billing.platform.config.PlatformConfig;
import dev.billing.platform.kafka.KafkaClients;
import dev.billing.platform.kafka.MessageHeaders;
import dev.billing.platform.kafka.Topics;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Puts a rejected message back on {@code billing.events.inbound}, where it is validated again. */
@ApplicationScoped
public class InboundReplayPublisher {

  static final String REPLAY_OF = "replay_of";

  private final KafkaProducer<String, String> producer;

  public InboundReplayPublisher(PlatformConfig config) {
    this.producer =
        new KafkaProducer<>(
            KafkaClients.durableProducer(
                config.kafka().bootstrapServers(), config.serviceName() + "-replay"));
  }

  public Uni<Void> replay(UUID rejectedEventId, String key, String payload) {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(Topics.EVENTS_INBOUND, key, payload);
    MessageHeaders.put(record.headers(), REPLAY_OF, rejectedEventId.toString());
    return Uni.createFrom()
        .emitter(
            emitter ->
                producer.send(
                    record,
                    (metadata, error) -> {
                      if (error == null) {
                        emitter.complete(null);
                      } else {
                        emitter.fail(error);
                      }
                    }));
  }

  @PreDestroy
  void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
