package dev.billing.ingest.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.billing.platform.contracts.AcceptedEventMessage;
import dev.billing.platform.contracts.MessageCodec;
import dev.billing.platform.kafka.KafkaClients;
import dev.billing.platform.kafka.TopicInitializer;
import dev.billing.platform.kafka.Topics;
import dev.billing.testkit.OperatorApi.TestOrganization;
import dev.billing.testkit.ScratchKafka;
import dev.billing.testkit.ServiceProcess;
import dev.billing.testkit.TestKafka;
import dev.billing.testkit.TestOrganizations;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/**
 * The forwarder of billing.events.inbound killed with SIGKILL in the middle of a stream: after the
 * restart every inbound event is on billing.events.accepted exactly once for a read-committed
 * reader.
 */
class InboundCrashIT {

  private static final int EVENTS = 30_000;

  @Test
  void shouldForwardEveryInboundEventExactlyOnceAcrossAKill() throws Exception {
    try (ScratchKafka kafka = new ScratchKafka(19094, 19095)) {
      kafka.start();
      TopicInitializer.ensure(kafka.bootstrapServers(), Topics.ALL);
      TestOrganization org = TestOrganizations.publish(kafka.bootstrapServers(), "Inbound crash");
      try (KafkaProducer<String, String> producer =
          new KafkaProducer<>(KafkaClients.durableProducer(kafka.bootstrapServers(), "it"))) {
        for (int i = 0; i < EVENTS; i++) {
          String event =
              "{\"organization_id\":\""
                  + org.id()
                  + "\",\"transaction_id\":\"in-"
                  + i
                  + "\",\"code\":\"c\",\"external_subscription_id\":\"sub-"
                  + (i % 50)
                  + "\"}";
          producer.send(new ProducerRecord<>(Topics.EVENTS_INBOUND, "sub-" + (i % 50), event));
        }
        producer.flush();
      }
      Map<String, String> env =
          Map.of(
              "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
              "BILLING_KAFKA_GROUP_PREFIX", "ingest-crash-it",
              "INGEST_INBOUND_INSTANCE_ID", "crash-it",
              "INGEST_INBOUND_MAX_POLL_RECORDS", "200");

      ServiceProcess first = ServiceProcess.start(18192, env, "inbound-crash-it.log");
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(100))
          .until(() -> forwarded(kafka) > 2_000);
      first.kill();
      long beforeRestart = forwarded(kafka);
      assertThat(beforeRestart).isLessThan(EVENTS);

      try (ServiceProcess second = ServiceProcess.start(18192, env, "inbound-crash-it.log")) {
        await()
            .atMost(Duration.ofSeconds(180))
            .pollInterval(Duration.ofSeconds(2))
            .until(() -> forwarded(kafka) >= EVENTS);
        await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
        Map<String, Long> copies =
            TestKafka.readAll(kafka.bootstrapServers(), Topics.EVENTS_ACCEPTED).stream()
                .map(r -> MessageCodec.decode(r.value(), AcceptedEventMessage.class))
                .map(m -> m.event().transactionId())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        assertThat(copies).hasSize(EVENTS);
        assertThat(copies.values()).containsOnly(1L);
      }
    }
  }

  private static long forwarded(ScratchKafka kafka) {
    List<?> records = TestKafka.readAll(kafka.bootstrapServers(), Topics.EVENTS_ACCEPTED);
    System.out.printf("%tT forwarded %d%n", System.currentTimeMillis(), records.size());
    return records.size();
  }
}
