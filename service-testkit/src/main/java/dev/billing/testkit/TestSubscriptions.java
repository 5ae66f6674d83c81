package dev.billing.testkit;

import dev.billing.platform.contracts.MessageCodec;
import dev.billing.platform.contracts.SubscriptionMessage;
import dev.billing.platform.kafka.MessageHeaders;
import dev.billing.platform.kafka.Topics;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Subscriptions for services other than invoicing: published on {@code billing.subscriptions}
 * exactly as invoicing-service publishes them.
 */
public final class TestSubscriptions {

  private TestSubscriptions() {}

  /** An active subscription started at {@code startedAt}, calendar billing, in UTC. */
  public static SubscriptionMessage active(
      UUID organizationId,
      String externalId,
      String externalCustomerId,
      String planCode,
      Instant startedAt) {
    return new SubscriptionMessage(
        UUID.randomUUID(),
        organizationId,
        1,
        externalId,
        UUID.randomUUID(),
        externalCustomerId,
        planCode,
        "active",
        "calendar",
        startedAt,
        startedAt,
        null,
        null,
        "UTC",
        null,
        Instant.now());
  }

  public static void publish(SubscriptionMessage subscription) {
    TestKafka.send(
        Topics.SUBSCRIPTIONS,
        subscription.subscriptionId().toString(),
        MessageCodec.encode(subscription),
        Map.of(
            MessageHeaders.ID, UUID.randomUUID().toString(),
            MessageHeaders.TYPE, SubscriptionMessage.TYPE,
            MessageHeaders.SCHEMA_VERSION, String.valueOf(SubscriptionMessage.VERSION),
            MessageHeaders.ORGANIZATION_ID, subscription.organizationId().toString()));
  }
}
