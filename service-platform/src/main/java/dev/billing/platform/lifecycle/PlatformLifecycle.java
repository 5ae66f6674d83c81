package dev.billing.platform.lifecycle;

import dev.billing.platform.config.PlatformConfig;
import dev.billing.platform.consumer.ConsumerRunners;
import dev.billing.platform.kafka.TopicInitializer;
import dev.billing.platform.kafka.Topics;
import dev.billing.platform.outbox.OutboxRelay;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.jboss.logging.Logger;

/**
 * Start-up order after Flyway migrated the schema: topics exist, then the outbox relay streams
 * (before anything is written to the outbox), then consumers run; all before a service's own
 * start-up observers. Shutdown in reverse, after the service's own.
 */
@ApplicationScoped
public class PlatformLifecycle {

  private static final Logger LOG = Logger.getLogger(PlatformLifecycle.class);

  private final PlatformConfig config;
  private final OutboxRelay relay;
  private final ConsumerRunners consumers;

  public PlatformLifecycle(PlatformConfig config, OutboxRelay relay, ConsumerRunners consumers) {
    this.config = config;
    this.relay = relay;
    this.consumers = consumers;
  }

  void onStart(@Observes @Priority(Interceptor.Priority.LIBRARY_BEFORE) StartupEvent event) {
    if (config.kafka().createTopics()) {
      TopicInitializer.ensure(config.kafka().bootstrapServers(), Topics.ALL);
    }
    if (config.apiOnly()) {
      LOG.info("API only: no consumers, no outbox relay, no scheduled jobs in this process");
      return;
    }
    if (config.outbox().enabled()) {
      relay.start();
    }
    consumers.start();
  }

  void onStop(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER) ShutdownEvent event) {
    consumers.stop();
    relay.stop();
  }
}
