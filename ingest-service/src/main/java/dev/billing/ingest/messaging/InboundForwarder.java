package dev.billing.ingest.messaging;

import dev.billing.ingest.app.IngestMetrics;
import dev.billing.ingest.client.AcceptedEventEncoder;
import dev.billing.ingest.domain.event.InboundClassification;
import dev.billing.ingest.domain.event.InboundClassifier;
import dev.billing.ingest.domain.event.RejectionReason;
import dev.billing.platform.contracts.AcceptedEventMessage;
import dev.billing.platform.contracts.MessageCodec;
import dev.billing.platform.contracts.RejectedEventMessage;
import dev.billing.platform.kafka.MessageHeaders;
import dev.billing.platform.kafka.Topics;
import dev.billing.platform.organization.KnownOrganizations;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

/**
 * Consume-transform-produce for {@code billing.events.inbound}: each polled batch is validated and
 * written to {@code billing.events.accepted} or {@code billing.events.rejected} in one Kafka
 * transaction together with the consumer offsets. A crash aborts the open transaction (the next
 * start with the same transactional id fences it), so read-committed consumers see every inbound
 * message exactly once.
 */
final class InboundForwarder implements Runnable {

  private static final Logger LOG = Logger.getLogger(InboundForwarder.class);
  static final String SOURCE = "kafka";

  private final KafkaConsumer<String, byte[]> consumer;
  private final KafkaProducer<String, byte[]> producer;
  private final InboundClassifier classifier;
  private final KnownOrganizations organizations;
  private final IngestMetrics metrics;
  private final Clock clock;
  private final CompletableFuture<Void> organizationsLoaded;
  private volatile boolean running = true;
  private int failures;

  InboundForwarder(
      Properties consumerConfig,
      Properties producerConfig,
      InboundClassifier classifier,
      KnownOrganizations organizations,
      IngestMetrics metrics,
      Clock clock,
      CompletableFuture<Void> organizationsLoaded) {
    this.consumer = new KafkaConsumer<>(consumerConfig);
    this.producer = new KafkaProducer<>(producerConfig);
    this.classifier = classifier;
    this.organizations = organizations;
    this.metrics = metrics;
    this.clock = clock;
    this.organizationsLoaded = organizationsLoaded;
  }

  @Override
  public void run() {
    try {
      awaitOrganizations();
      producer.initTransactions();
      consumer.subscribe(List.of(Topics.EVENTS_INBOUND));
      while (running) {
        ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(200));
        if (!records.isEmpty()) {
          forwardInOneTransaction(records);
        }
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } catch (ProducerFencedException | InvalidProducerEpochException e) {
      LOG.error("inbound forwarder fenced: another instance uses the same transactional id", e);
    } finally {
      consumer.close(Duration.ofSeconds(5));
      producer.close(Duration.ofSeconds(5));
    }
  }

  /**
   * Waits until the organizations known before start-up are in the read model, so events of an
   * existing organization are not rejected as unknown just because this process is young.
   */
  private void awaitOrganizations() {
    try {
      organizationsLoaded.get(60, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      LOG.warnf("organizations not loaded after 60 s, forwarding anyway: %s", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  void stop() {
    running = false;
    consumer.wakeup();
  }

  /**
   * Forwards the batch in one transaction. On failure the transaction is aborted and the consumer
   * rewound to the last committed offsets, so the next poll reads the same messages again.
   */
  private void forwardInOneTransaction(ConsumerRecords<String, byte[]> records) {
    try {
      producer.beginTransaction();
      Map<String, Integer> rejectedByReason = new HashMap<>();
      int accepted = 0;
      for (ConsumerRecord<String, byte[]> record : records) {
        ProducerRecord<String, byte[]> out = route(record, rejectedByReason);
        accepted += Topics.EVENTS_ACCEPTED.equals(out.topic()) ? 1 : 0;
        producer.send(out);
      }
      producer.sendOffsetsToTransaction(nextOffsets(records), consumer.groupMetadata());
      producer.commitTransaction();
      failures = 0;
      metrics.accepted(SOURCE, accepted);
      rejectedByReason.forEach((reason, n) -> metrics.rejected(SOURCE, reason, n));
    } catch (ProducerFencedException | InvalidProducerEpochException e) {
      throw e;
    } catch (RuntimeException e) {
      long backoff = Math.min(100L << Math.min(failures++, 6), 5_000);
      LOG.warnf("inbound transaction aborted, retrying in %d ms: %s", backoff, e.toString());
      abortAndRewind();
      sleep(backoff);
    }
  }

  private ProducerRecord<String, byte[]> route(
      ConsumerRecord<String, byte[]> record, Map<String, Integer> rejectedByReason) {
    InboundClassification classification = classifier.classify(record.value());
    if (classification instanceof InboundClassification.Valid valid) {
      // blocking is fine: this is the forwarder's own thread; the answer is cached after the first
      boolean known = organizations.exists(valid.organizationId()).await().indefinitely();
      if (known) {
        long now = clock.millis();
        return new ProducerRecord<>(
            Topics.EVENTS_ACCEPTED,
            AcceptedEventMessage.key(
                valid.organizationId(), valid.event().externalSubscriptionId()),
            AcceptedEventEncoder.encode(valid.organizationId(), SOURCE, now, valid.event()));
      }
      classification =
          new InboundClassification.Rejected(
              valid.organizationId(), RejectionReason.UNKNOWN_ORGANIZATION, Map.of());
    }
    InboundClassification.Rejected rejected = (InboundClassification.Rejected) classification;
    rejectedByReason.merge(rejected.reason().code(), 1, Integer::sum);
    RejectedEventMessage message =
        new RejectedEventMessage(
            rejected.organizationId(),
            SOURCE,
            clock.millis(),
            rejected.reason().code(),
            rejected.errorDetails(),
            record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8),
            record.topic(),
            record.partition(),
            record.offset());
    ProducerRecord<String, byte[]> out =
        new ProducerRecord<>(
            Topics.EVENTS_REJECTED,
            rejected.organizationId() == null ? null : rejected.organizationId().toString(),
            MessageCodec.encode(message).getBytes(StandardCharsets.UTF_8));
    MessageHeaders.put(
        out.headers(),
        MessageHeaders.ID,
        record.topic() + ":" + record.partition() + ":" + record.offset());
    MessageHeaders.put(out.headers(), MessageHeaders.TYPE, RejectedEventMessage.TYPE);
    return out;
  }

  private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(
      ConsumerRecords<String, byte[]> records) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition partition : records.partitions()) {
      List<ConsumerRecord<String, byte[]>> inPartition = records.records(partition);
      offsets.put(
          partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
    }
    return offsets;
  }

  /** Aborts and moves the consumer back to what the last committed transaction consumed. */
  private void abortAndRewind() {
    try {
      producer.abortTransaction();
    } catch (KafkaException | IllegalStateException e) {
      LOG.debugf("abort: %s", e.toString());
    }
    Set<TopicPartition> assignment = consumer.assignment();
    Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(assignment);
    for (TopicPartition partition : assignment) {
      OffsetAndMetadata offset = committed.get(partition);
      if (offset != null) {
        consumer.seek(partition, offset);
      } else {
        consumer.seekToBeginning(List.of(partition));
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
