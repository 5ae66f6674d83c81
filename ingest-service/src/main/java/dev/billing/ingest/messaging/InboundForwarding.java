package dev.billing.ingest.messaging;

import dev.billing.ingest.app.IngestMetrics;
import dev.billing.ingest.client.AcceptedEventPublisher;
import dev.billing.ingest.config.IngestConfig;
import dev.billing.ingest.domain.event.EventJson;
import dev.billing.ingest.domain.event.EventLimits;
import dev.billing.ingest.domain.event.EventReader;
import dev.billing.ingest.domain.event.InboundClassifier;
import dev.billing.platform.config.PlatformConfig;
import dev.billing.platform.consumer.ConsumerRunners;
import dev.billing.platform.kafka.KafkaClients;
import dev.billing.platform.organization.KnownOrganizations;
import dev.billing.platform.organization.OrganizationReadModel;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Runs the {@link InboundForwarder} on its own thread while the service runs. */
@ApplicationScoped
public class InboundForwarding {

  private final PlatformConfig platform;
  private final IngestConfig config;
  private final KnownOrganizations organizations;
  private final IngestMetrics metrics;
  private final AcceptedEventPublisher publisher;
  private final Clock clock;
  private final ConsumerRunners consumers;
  private InboundForwarder forwarder;
  private Thread thread;

  public InboundForwarding(
      PlatformConfig platform,
      IngestConfig config,
      KnownOrganizations organizations,
      IngestMetrics metrics,
      AcceptedEventPublisher publisher,
      Clock clock,
      ConsumerRunners consumers) {
    this.platform = platform;
    this.config = config;
    this.organizations = organizations;
    this.metrics = metrics;
    this.publisher = publisher;
    this.clock = clock;
    this.consumers = consumers;
  }

  void onStart(@Observes StartupEvent event) {
    publisher.warmUp();
    if (config.inbound().enabled() && !platform.apiOnly()) {
      start();
    }
  }

  void onStop(@Observes ShutdownEvent event) {
    stop();
  }

  public synchronized void start() {
    if (thread != null) {
      return;
    }
    EventReader reader =
        new EventReader(
            new EventLimits(
                config.maxIdLength(), config.maxPropertyLength(), config.maxProperties()));
    forwarder =
        new InboundForwarder(
            consumerConfig(),
            producerConfig(),
            new InboundClassifier(EventJson.FACTORY, reader),
            organizations,
            metrics,
            clock,
            consumers.caughtUp(OrganizationReadModel.NAME));
    thread = new Thread(forwarder, "inbound-forwarder");
    thread.setDaemon(true);
    thread.start();
  }

  public synchronized void stop() {
    if (thread == null) {
      return;
    }
    forwarder.stop();
    try {
      thread.join(15_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    thread = null;
  }

  private Properties consumerConfig() {
    Properties p = new Properties();
    p.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka().bootstrapServers());
    p.setProperty(
        ConsumerConfig.GROUP_ID_CONFIG, platform.kafka().groupPrefix() + ".inbound-forwarder");
    // static membership: a restarted replica takes its partitions back at once instead of waiting
    // for its previous incarnation's session to time out
    p.setProperty(
        ConsumerConfig.GROUP_INSTANCE_ID_CONFIG,
        config.inbound().transactionalIdPrefix() + "-" + config.inbound().instanceId());
    p.setProperty(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, "15000");
    p.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.setProperty(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    p.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.setProperty(
        ConsumerConfig.MAX_POLL_RECORDS_CONFIG, String.valueOf(config.inbound().maxPollRecords()));
    p.setProperty(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.setProperty(
        ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
    return p;
  }

  private Properties producerConfig() {
    String transactionalId =
        config.inbound().transactionalIdPrefix() + "-" + config.inbound().instanceId();
    Properties p =
        KafkaClients.durableProducer(platform.kafka().bootstrapServers(), transactionalId);
    p.setProperty(
        ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
    p.setProperty(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
    // an aborted transaction of a crashed instance blocks read-committed readers until this passes
    p.setProperty(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, "10000");
    p.setProperty(ProducerConfig.LINGER_MS_CONFIG, "5");
    p.setProperty(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.producer().compression());
    return p;
  }
}
