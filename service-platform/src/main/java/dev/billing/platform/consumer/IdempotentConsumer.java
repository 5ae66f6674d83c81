package dev.billing.platform.consumer;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * Runs one {@link MessageHandler} on its own thread: poll, decode, apply new messages in one
 * database transaction together with their processed-message records, then commit offsets. A
 * message that cannot be decoded or keeps failing for a non-transient reason goes to the
 * dead-letter topic; a transient failure (database away) is retried with backoff while the
 * partitions are paused, so nothing is skipped.
 */
final class IdempotentConsumer<T> implements Runnable {

  private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);
  private static final Duration POLL_TIMEOUT = Duration.ofMillis(200);
  private static final long MAX_BACKOFF_MS = 5_000;

  private final MessageHandler<T> handler;
  private final KafkaConsumer<String, String> consumer;
  private final Pool pool;
  private final DeadLetterPublisher deadLetters;
  private final BackgroundGate gate;
  private volatile boolean running = true;
  private final CompletableFuture<Void> caughtUp = new CompletableFuture<>();
  private Map<TopicPartition, Long> catchUpTargets = Map.of();

  IdempotentConsumer(
      MessageHandler<T> handler,
      Properties consumerConfig,
      Pool pool,
      DeadLetterPublisher dlq,
      BackgroundGate gate) {
    this.handler = handler;
    this.gate = gate;
    this.consumer = new KafkaConsumer<>(consumerConfig);
    this.pool = pool;
    this.deadLetters = dlq;
  }

  @Override
  public void run() {
    try {
      consumer.subscribe(List.of(handler.topic()), new CatchUpTracker());
      while (running) {
        ConsumerRecords<String, String> records = consumer.poll(POLL_TIMEOUT);
        if (!records.isEmpty()) {
          process(records);
          commit(records);
        }
        checkCaughtUp();
      }
    } catch (WakeupException e) {
      if (running) {
        throw e;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.errorf(e, "consumer %s stopped", handler.name());
      throw e;
    } finally {
      consumer.close(Duration.ofSeconds(5));
    }
  }

  void stop() {
    running = false;
    consumer.wakeup();
  }

  /** Completes once this consumer has applied what its partitions held when it first got them. */
  CompletableFuture<Void> caughtUp() {
    return caughtUp;
  }

  private void checkCaughtUp() {
    if (caughtUp.isDone() || catchUpTargets.isEmpty()) {
      return;
    }
    Set<TopicPartition> assigned = consumer.assignment();
    for (Map.Entry<TopicPartition, Long> target : catchUpTargets.entrySet()) {
      // a partition moved to a sibling consumer of the group (concurrency > 1) is its to apply
      if (assigned.contains(target.getKey())
          && consumer.position(target.getKey()) < target.getValue()) {
        return;
      }
    }
    caughtUp.complete(null);
  }

  /** Notes the end offsets of the first partitions assigned: the backlog to catch up on. */
  private final class CatchUpTracker implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (!caughtUp.isDone() && catchUpTargets.isEmpty() && !partitions.isEmpty()) {
        catchUpTargets = new HashMap<>(consumer.endOffsets(partitions));
      }
    }

    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      // offsets are committed after every batch; nothing is pending here
    }
  }

  private void process(ConsumerRecords<String, String> records) throws InterruptedException {
    List<Decoded<T>> batch = new ArrayList<>();
    for (ConsumerRecord<String, String> record : records) {
      InboundMessage message = toMessage(record);
      try {
        batch.add(new Decoded<>(message, handler.decode(message)));
      } catch (RuntimeException e) {
        deadLetters.send(handler.name(), message, "undecodable: " + e.getMessage());
      }
      if (batch.size() >= handler.maxBatchSize()) {
        applyBatch(batch);
        batch = new ArrayList<>();
      }
    }
    if (!batch.isEmpty()) {
      applyBatch(batch);
    }
  }

  private void applyBatch(List<Decoded<T>> batch) throws InterruptedException {
    RuntimeException failure = applyRetryingTransient(batch);
    if (failure == null) {
      return;
    }
    // Something in the batch fails for good: apply one by one, so only the culprit is
    // dead-lettered.
    for (Decoded<T> single : batch) {
      RuntimeException singleFailure = applyRetryingTransient(List.of(single));
      if (singleFailure != null) {
        deadLetters.send(handler.name(), single.message(), "failed: " + describe(singleFailure));
      }
    }
  }

  /** Applies the batch; returns null on success, or the non-transient failure. */
  private RuntimeException applyRetryingTransient(List<Decoded<T>> batch)
      throws InterruptedException {
    long backoff = 100;
    while (true) {
      try {
        List<Decoded<T>> applied;
        try (BackgroundGate.Pass pass = gate.enter()) {
          applied = apply(batch);
        }
        if (!applied.isEmpty()) {
          handler.afterCommit(applied);
        }
        return null;
      } catch (RuntimeException e) {
        if (!TransientFailures.isTransient(e) || !running) {
          return e;
        }
        LOG.warnf(
            "consumer %s: transient failure, retrying in %d ms: %s",
            handler.name(), backoff, describe(e));
        pauseFor(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    }
  }

  private List<Decoded<T>> apply(List<Decoded<T>> batch) {
    // Blocking is right here: this is the consumer's own thread (KafkaConsumer is a blocking,
    // single-threaded API), never an event loop.
    return pool.withTransaction(
            tx ->
                fresh(tx, batch)
                    .call(
                        fresh ->
                            fresh.isEmpty()
                                ? Uni.createFrom().voidItem()
                                : handler.apply(tx, fresh)))
        .await()
        .indefinitely();
  }

  private Uni<List<Decoded<T>>> fresh(
      io.vertx.mutiny.sqlclient.SqlConnection tx, List<Decoded<T>> batch) {
    return handler.recordsProcessedIds()
        ? ProcessedMessages.recordNew(tx, handler.name(), batch)
        : Uni.createFrom().item(batch);
  }

  /** Waits while staying in the group: poll with every partition paused returns nothing. */
  private void pauseFor(long millis) throws InterruptedException {
    consumer.pause(consumer.assignment());
    long until = System.currentTimeMillis() + millis;
    while (System.currentTimeMillis() < until) {
      consumer.poll(Duration.ofMillis(Math.min(100, millis)));
      Thread.sleep(10);
    }
    consumer.resume(consumer.paused());
  }

  private void commit(ConsumerRecords<String, String> records) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
    for (TopicPartition partition : records.partitions()) {
      List<ConsumerRecord<String, String>> inPartition = records.records(partition);
      long next = inPartition.get(inPartition.size() - 1).offset() + 1;
      offsets.put(partition, new OffsetAndMetadata(next));
    }
    try {
      consumer.commitSync(offsets);
    } catch (CommitFailedException | RebalanceInProgressException e) {
      // The partitions moved to another member, which re-reads them; processed ids make that
      // harmless.
      LOG.infof("consumer %s: offsets not committed after a rebalance", handler.name());
    }
  }

  private static InboundMessage toMessage(ConsumerRecord<String, String> record) {
    Map<String, String> headers = new HashMap<>();
    for (Header header : record.headers()) {
      if (header.value() != null) {
        headers.put(
            header.key(), new String(header.value(), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
    return new InboundMessage(
        record.topic(), record.partition(), record.offset(), record.key(), record.value(), headers);
  }

  private static String describe(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }
}
