package dev.billing.platform.consumer;

import dev.billing.platform.config.PlatformConfig;
import io.quarkus.arc.All;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/** Starts an {@link IdempotentConsumer} thread for every {@link MessageHandler} bean. */
@ApplicationScoped
public class ConsumerRunners {

  private static final Logger LOG = Logger.getLogger(ConsumerRunners.class);

  private final List<MessageHandler<?>> handlers;
  private final PlatformConfig config;
  private final Pool pool;
  private final DeadLetterPublisher deadLetters;
  private final BackgroundGate gate;
  private final Map<String, List<IdempotentConsumer<?>>> running = new HashMap<>();
  private final List<Thread> threads = new ArrayList<>();

  public ConsumerRunners(
      @All List<MessageHandler<?>> handlers,
      PlatformConfig config,
      BackgroundPool pool,
      DeadLetterPublisher deadLetters,
      BackgroundGate gate) {
    this.handlers = handlers;
    this.gate = gate;
    this.config = config;
    this.pool = pool.pool();
    this.deadLetters = deadLetters;
  }

  public synchronized void start() {
    for (MessageHandler<?> handler : handlers) {
      for (int i = 0; i < handler.concurrency(); i++) {
        IdempotentConsumer<?> consumer =
            new IdempotentConsumer<>(handler, consumerConfig(handler), pool, deadLetters, gate);
        Thread thread = new Thread(consumer, "consumer-" + handler.name() + "-" + i);
        thread.setDaemon(true);
        BackgroundThreads.lower(thread);
        thread.start();
        running.computeIfAbsent(handler.name(), n -> new ArrayList<>()).add(consumer);
        threads.add(thread);
      }
      LOG.infof(
          "consuming %s as %s with %d thread(s)",
          handler.topic(), groupId(handler), handler.concurrency());
    }
  }

  public synchronized void stop() {
    running.values().forEach(consumers -> consumers.forEach(IdempotentConsumer::stop));
    for (Thread thread : threads) {
      try {
        thread.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    running.clear();
    threads.clear();
  }

  /**
   * Completes once the named consumer applied the backlog its partitions had when it started (e.g.
   * every organization known before this process started).
   */
  public synchronized CompletableFuture<Void> caughtUp(String handlerName) {
    List<IdempotentConsumer<?>> consumers = running.get(handlerName);
    if (consumers == null) {
      return CompletableFuture.failedFuture(
          new IllegalArgumentException("no consumer " + handlerName));
    }
    return CompletableFuture.allOf(
        consumers.stream().map(IdempotentConsumer::caughtUp).toArray(CompletableFuture[]::new));
  }

  public String groupId(MessageHandler<?> handler) {
    return config.kafka().groupPrefix() + "." + handler.name();
  }

  private Properties consumerConfig(MessageHandler<?> handler) {
    Properties p = new Properties();
    p.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafka().bootstrapServers());
    p.setProperty(ConsumerConfig.GROUP_ID_CONFIG, groupId(handler));
    p.setProperty(ConsumerConfig.CLIENT_ID_CONFIG, config.serviceName() + "-" + handler.name());
    p.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(handler.maxBatchSize()));
    p.setProperty(
        ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG,
        String.valueOf(config.consumers().maxPartitionFetchBytes()));
    p.setProperty(
        ConsumerConfig.FETCH_MAX_BYTES_CONFIG, String.valueOf(config.consumers().fetchMaxBytes()));
    p.setProperty(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.setProperty(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    return p;
  }
}
