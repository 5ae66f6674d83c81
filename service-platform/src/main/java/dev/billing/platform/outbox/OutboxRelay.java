package dev.billing.platform.outbox;

import dev.billing.platform.config.PlatformConfig;
import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.source.SourceRecord;
import org.jboss.logging.Logger;

/**
 * Publishes the outbox to Kafka: a Debezium embedded engine streams inserts of the {@code outbox}
 * table from a pgoutput replication slot, and each row goes to its topic with an idempotent
 * producer. A batch is marked processed only after Kafka acknowledged all of it, so a crash
 * re-delivers (consumers deduplicate on the {@code id} header) and never loses. If Kafka is
 * unreachable the batch is retried until it goes through; if the engine dies (Postgres restarted)
 * it is restarted. If the slot lost changes (PostgreSQL invalidated it, {@code
 * max_slot_wal_keep_size}, or it was dropped), the next start drops it and re-snapshots the outbox
 * table into a new one, so that every row still there is published again.
 */
@ApplicationScoped
public class OutboxRelay {

  private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

  private final PlatformConfig config;
  private final Counter published;
  private final Counter recoveries;
  private final OutboxSlot slot;
  private final OutboxRelayMonitor monitor;
  private final Object lifecycle = new Object();
  private final ScheduledExecutorService restarter =
      Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "outbox-relay-restarter"));
  private final ScheduledExecutorService monitorThread =
      Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "outbox-relay-monitor"));

  private DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
  private ExecutorService engineThread;
  private KafkaProducer<String, String> producer;
  private volatile boolean wanted;
  private volatile boolean streaming;
  private volatile Instant lastRecovery;
  private volatile Instant streamingSince;
  private volatile boolean resnapshotPending;

  public OutboxRelay(PlatformConfig config, MeterRegistry registry) {
    this.config = config;
    this.published =
        Counter.builder("outbox_relay_published")
            .description("outbox rows published to Kafka (re-deliveries included)")
            .register(registry);
    this.recoveries =
        Counter.builder("outbox_relay_slot_recoveries")
            .description("re-snapshots of the outbox after the replication slot lost changes")
            .register(registry);
    this.slot = new OutboxSlot(config);
    this.monitor = new OutboxRelayMonitor(config, slot, () -> streamingSince, registry);
  }

  /** Starts the relay and waits until it streams; fails if it cannot within the start timeout. */
  public void start() {
    synchronized (lifecycle) {
      wanted = true;
      monitor.schedule(monitorThread);
      if (engine != null) {
        return;
      }
      startEngine();
    }
  }

  /** Stops the relay; what was not acknowledged yet is published by the next start. */
  public void stop() {
    synchronized (lifecycle) {
      wanted = false;
      closeEngine();
    }
  }

  public boolean isStreaming() {
    return streaming;
  }

  /** What the health check shows; null until the relay was started once in this process. */
  OutboxRelayStatus status() {
    if (monitor.polledAt() == null && monitor.pollError() == null) {
      return null;
    }
    return new OutboxRelayStatus(
        wanted, streaming, monitor.last(), monitor.pollError(), lastRecovery, recoveries.count());
  }

  /**
   * Whether this start re-snapshots the outbox: the slot lost changes, or a re-snapshot broke off.
   */
  private boolean prepareSlot() {
    OutboxSlot.SlotState state = monitor.poll();
    if (state != null && state.changesLost()) {
      LOG.warnf(
          "outbox relay slot %s is %s: changes since the last published one can no longer be"
              + " streamed; dropping it and re-publishing the outbox from a snapshot",
          config.outbox().slotName(), state.slotStatus());
      try {
        slot.reset();
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException("could not reset the outbox relay's slot", e);
      }
      recoveries.increment();
      lastRecovery = Instant.now();
      resnapshotPending = true;
      return true;
    }
    if (state != null && state.snapshotInterrupted()) {
      return true;
    }
    // a re-snapshot that failed before Debezium stored its first position (the new slot exists
    // by then, so nothing else would tell)
    if (resnapshotPending && (state == null || !state.hasOffset())) {
      return true;
    }
    resnapshotPending = false;
    StaleOffsetGuard.dropIfBehindSlot(config);
    return false;
  }

  private void startEngine() {
    boolean resnapshot = prepareSlot();
    producer = new KafkaProducer<>(OutboxRelayProperties.producer(config));
    CountDownLatch pollingStarted = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    engine =
        DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
            .using(OutboxRelayProperties.engine(config, resnapshot))
            .using(
                new DebeziumEngine.ConnectorCallback() {
                  @Override
                  public void pollingStarted() {
                    streamingSince = Instant.now();
                    streaming = true;
                    pollingStarted.countDown();
                  }

                  @Override
                  public void pollingStopped() {
                    streaming = false;
                  }
                })
            .using(
                (success, message, error) -> {
                  streaming = false;
                  if (!success) {
                    failure.set(error != null ? error : new IllegalStateException(message));
                    LOG.errorf(error, "outbox relay stopped: %s", message);
                    scheduleRestart();
                  }
                  pollingStarted.countDown();
                })
            .notifying(this::publishBatch)
            .build();
    engineThread = Executors.newSingleThreadExecutor(r -> daemon(r, "outbox-relay"));
    engineThread.execute(engine);
    awaitStart(pollingStarted, failure);
    LOG.infof(
        "outbox relay streaming from slot %s%s",
        config.outbox().slotName(), resnapshot ? " (after a snapshot of the outbox)" : "");
  }

  private void awaitStart(CountDownLatch pollingStarted, AtomicReference<Throwable> failure) {
    try {
      long timeout = config.outbox().startTimeout().toMillis();
      if (!pollingStarted.await(timeout, TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("outbox relay did not start within " + timeout + " ms");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the outbox relay", e);
    }
    if (failure.get() != null) {
      throw new IllegalStateException("outbox relay failed to start", failure.get());
    }
  }

  private void scheduleRestart() {
    restarter.schedule(
        () -> {
          synchronized (lifecycle) {
            if (!wanted || streaming) {
              return;
            }
            closeEngine();
            try {
              startEngine();
            } catch (RuntimeException e) {
              LOG.warnf("outbox relay restart failed, retrying: %s", e.getMessage());
              closeEngine();
              scheduleRestart();
            }
          }
        },
        MAX_BACKOFF.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  private void publishBatch(
      List<RecordChangeEvent<SourceRecord>> events,
      DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
      throws InterruptedException {
    List<ProducerRecord<String, String>> records = new ArrayList<>(events.size());
    for (RecordChangeEvent<SourceRecord> event : events) {
      ProducerRecord<String, String> record = OutboxRecordMapper.toKafka(event.record());
      if (record != null) {
        records.add(record);
      }
    }
    sendUntilAcknowledged(records);
    for (RecordChangeEvent<SourceRecord> event : events) {
      committer.markProcessed(event);
    }
    committer.markBatchFinished();
    published.increment(records.size());
  }

  private void sendUntilAcknowledged(List<ProducerRecord<String, String>> records)
      throws InterruptedException {
    long backoff = 100;
    while (true) {
      List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
      for (ProducerRecord<String, String> record : records) {
        acks.add(producer.send(record));
      }
      try {
        for (Future<RecordMetadata> ack : acks) {
          ack.get();
        }
        return;
      } catch (ExecutionException e) {
        LOG.warnf(
            "outbox relay could not publish %d messages, retrying in %d ms: %s",
            records.size(), backoff, e.getCause().getMessage());
        Thread.sleep(backoff);
        backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
      }
    }
  }

  private void closeEngine() {
    streaming = false;
    if (engine != null) {
      try {
        engine.close();
      } catch (IOException | RuntimeException e) {
        LOG.debugf("closing the outbox relay: %s", e.getMessage());
      }
      engine = null;
    }
    if (engineThread != null) {
      engineThread.shutdown();
      try {
        if (!engineThread.awaitTermination(30, TimeUnit.SECONDS)) {
          engineThread.shutdownNow();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      engineThread = null;
    }
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
      producer = null;
    }
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }
}
