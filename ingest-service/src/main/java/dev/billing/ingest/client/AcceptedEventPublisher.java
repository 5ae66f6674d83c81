package dev.billing.ingest.client;

import dev.billing.ingest.config.IngestConfig;
import dev.billing.platform.config.PlatformConfig;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.PlatformErrorCode;
import dev.billing.platform.kafka.KafkaClients;
import dev.billing.platform.kafka.Topics;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.jboss.logging.Logger;

/**
 * Sends accepted events to {@code billing.events.accepted} and completes only when Kafka
 * acknowledged every one of them ({@code acks=all}, idempotent). It never blocks the event loop:
 * with Kafka away or its buffer full, sending fails at once or after the delivery timeout, and the
 * request gets 503.
 */
@ApplicationScoped
public class AcceptedEventPublisher {

  private static final Logger LOG = Logger.getLogger(AcceptedEventPublisher.class);

  private final KafkaProducer<String, byte[]> producer;

  public AcceptedEventPublisher(PlatformConfig platform, IngestConfig config) {
    IngestConfig.Producer settings = config.producer();
    Properties p =
        KafkaClients.durableProducer(
            platform.kafka().bootstrapServers(), platform.serviceName() + "-accepted");
    p.setProperty(
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.setProperty(ProducerConfig.LINGER_MS_CONFIG, String.valueOf(settings.lingerMs()));
    p.setProperty(ProducerConfig.BATCH_SIZE_CONFIG, String.valueOf(settings.batchSizeBytes()));
    p.setProperty(ProducerConfig.COMPRESSION_TYPE_CONFIG, settings.compression());
    p.setProperty(
        ProducerConfig.BUFFER_MEMORY_CONFIG, String.valueOf(settings.bufferMemoryBytes()));
    long delivery = settings.deliveryTimeout().toMillis();
    p.setProperty(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, String.valueOf(delivery));
    p.setProperty(
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
        String.valueOf(Math.max(1000, delivery - settings.lingerMs() - 500)));
    // never wait on the event loop: a full buffer or missing metadata fails the send at once
    p.setProperty(ProducerConfig.MAX_BLOCK_MS_CONFIG, "0");
    // keep the topics' metadata while traffic pauses, so the first send after a pause cannot fail
    p.setProperty(
        ProducerConfig.METADATA_MAX_IDLE_CONFIG, String.valueOf(Duration.ofDays(1).toMillis()));
    this.producer = new KafkaProducer<>(p);
  }

  /**
   * Loads the topic metadata at start-up, when waiting is allowed (sends themselves never wait).
   */
  public void warmUp() {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (true) {
      try {
        producer.partitionsFor(Topics.EVENTS_ACCEPTED);
        return;
      } catch (org.apache.kafka.common.errors.TimeoutException notYet) {
        if (System.nanoTime() > deadline) {
          throw notYet;
        }
        try {
          Thread.sleep(50);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw notYet;
        }
      }
    }
  }

  /** Completes when Kafka acknowledged every record; fails with a 503 otherwise. */
  public Uni<Void> publish(List<ProducerRecord<String, byte[]>> records) {
    Context context = Vertx.currentContext();
    return Uni.createFrom()
        .emitter(
            emitter -> {
              AtomicInteger pending = new AtomicInteger(records.size());
              AtomicReference<Exception> failure = new AtomicReference<>();
              for (ProducerRecord<String, byte[]> record : records) {
                try {
                  producer.send(
                      record,
                      (metadata, error) -> {
                        if (error != null) {
                          failure.compareAndSet(null, error);
                        }
                        if (pending.decrementAndGet() == 0) {
                          complete(context, emitter, failure.get());
                        }
                      });
                } catch (RuntimeException e) {
                  failure.compareAndSet(null, e);
                  if (pending.decrementAndGet() == 0) {
                    complete(context, emitter, failure.get());
                  }
                }
              }
            });
  }

  private static void complete(
      Context context,
      io.smallrye.mutiny.subscription.UniEmitter<? super Void> emitter,
      Exception failure) {
    Runnable done =
        () -> {
          if (failure == null) {
            emitter.complete(null);
          } else {
            LOG.debugf("events not acknowledged by Kafka: %s", failure.toString());
            emitter.fail(new ApiException(PlatformErrorCode.SERVICE_UNAVAILABLE));
          }
        };
    if (context != null) {
      context.runOnContext(v -> done.run());
    } else {
      done.run();
    }
  }

  @PreDestroy
  void close() {
    producer.close(Duration.ofSeconds(5));
  }
}
