package dev.billing.invoicing.api;

import static dev.billing.testkit.OperatorApi.createOrganization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.billing.platform.kafka.Topics;
import dev.billing.platform.outbox.OutboxRelay;
import dev.billing.testkit.OperatorApi.TestOrganization;
import dev.billing.testkit.TestKafka;
import dev.billing.testkit.TopicTail;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What was committed is published even if the relay was down at the time, or restarted while
 * publishing. (The process-crash version, with SIGKILL, is {@code ProcessCrashIT}.)
 */
@QuarkusTest
class OutboxRelayRestartTest {

  @Inject OutboxRelay relay;

  @AfterEach
  void relayRuns() {
    relay.start();
  }

  @Test
  void shouldPublishWhatWasCommittedWhileTheRelayWasStopped() {
    try (TopicTail topic = TestKafka.tail(Topics.ORGANIZATIONS)) {
      relay.stop();
      List<TestOrganization> created = new ArrayList<>();
      for (int i = 0; i < 5; i++) {
        created.add(createOrganization("Relay down " + i + " " + System.nanoTime()));
      }
      await().pollDelay(Duration.ofMillis(500)).until(() -> true);
      assertThat(keysOf(topic.records())).doesNotContainAnyElementsOf(ids(created));

      relay.start();

      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> keysOf(topic.records()).containsAll(ids(created)));
      await().pollDelay(Duration.ofMillis(500)).until(() -> true);
      Map<String, Long> perOrganization = countByKey(topic.records());
      for (String id : ids(created)) {
        assertThat(perOrganization.get(id)).as("messages for %s", id).isEqualTo(1L);
      }
    }
  }

  @Test
  void shouldLoseNothingWhenTheRelayRestartsInTheMiddleOfAStream() throws Exception {
    try (TopicTail topic = TestKafka.tail(Topics.ORGANIZATIONS)) {
      ExecutorService writers = Executors.newFixedThreadPool(4);
      List<Future<TestOrganization>> futures = new ArrayList<>();
      for (int i = 0; i < 120; i++) {
        int n = i;
        futures.add(
            writers.submit(() -> createOrganization("Stream " + n + " " + System.nanoTime())));
      }
      for (int restart = 0; restart < 2; restart++) {
        await().pollDelay(Duration.ofMillis(150)).until(() -> true);
        relay.stop();
        relay.start();
      }
      List<TestOrganization> created = new ArrayList<>();
      for (Future<TestOrganization> future : futures) {
        created.add(future.get());
      }
      writers.shutdown();

      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> keysOf(topic.records()).containsAll(ids(created)));
      // every organization's key works: whatever was re-delivered was applied once
      for (TestOrganization org : List.of(created.get(0), created.get(60), created.get(119))) {
        OrganizationPropagationTest.awaitStatus(org.apiKey(), 200);
      }
    }
  }

  private static List<String> ids(List<TestOrganization> organizations) {
    return organizations.stream().map(o -> o.id().toString()).toList();
  }

  private static List<String> keysOf(List<ConsumerRecord<String, String>> records) {
    return Collections.unmodifiableList(records.stream().map(ConsumerRecord::key).toList());
  }

  private static Map<String, Long> countByKey(List<ConsumerRecord<String, String>> records) {
    return records.stream()
        .collect(Collectors.groupingBy(ConsumerRecord::key, Collectors.counting()));
  }
}
