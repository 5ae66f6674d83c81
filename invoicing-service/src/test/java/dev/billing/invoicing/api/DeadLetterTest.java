package dev.billing.invoicing.api;

import static dev.billing.testkit.OperatorApi.createAuthenticatedOrganization;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.billing.platform.kafka.Topics;
import dev.billing.testkit.TestKafka;
import dev.billing.testkit.TopicTail;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * A message the consumer cannot read goes to the dead-letter topic; the ones after it still flow.
 */
@QuarkusTest
class DeadLetterTest {

  @Test
  void shouldDeadLetterAPoisonMessageWithItsReasonAndKeepConsuming() {
    try (TopicTail deadLetters = TestKafka.tail(Topics.deadLetter(Topics.ORGANIZATIONS))) {
      String key = UUID.randomUUID().toString();
      String id = UUID.randomUUID().toString();
      TestKafka.send(
          Topics.ORGANIZATIONS,
          key,
          "{not json",
          Map.of("id", id, "type", "organization.updated", "schema_version", "1"));

      await().atMost(Duration.ofSeconds(10)).until(() -> !deadLetters.withKey(key).isEmpty());
      ConsumerRecord<String, String> dead = deadLetters.withKey(key).get(0);
      assertThat(dead.value()).isEqualTo("{not json");
      assertThat(TopicTail.headers(dead))
          .containsEntry("id", id)
          .containsEntry("dlq_consumer", "organization-read-model")
          .containsEntry("dlq_original_topic", Topics.ORGANIZATIONS)
          .containsKey("dlq_original_offset")
          .hasEntrySatisfying("dlq_reason", reason -> assertThat(reason).startsWith("undecodable"));

      // the consumer moved on: a new organization still authenticates
      createAuthenticatedOrganization("After poison");
    }
  }
}
