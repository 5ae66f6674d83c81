package dev.billing.testkit;

import dev.billing.platform.auth.ApiKeys;
import dev.billing.platform.contracts.MessageCodec;
import dev.billing.platform.contracts.OrganizationMessage;
import dev.billing.platform.kafka.MessageHeaders;
import dev.billing.platform.kafka.Topics;
import dev.billing.testkit.OperatorApi.TestOrganization;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Organizations for services other than invoicing: published on {@code billing.organizations}
 * exactly as invoicing-service publishes them, so a service's tests need no invoicing-service.
 */
public final class TestOrganizations {

  private TestOrganizations() {}

  /** Publishes a new organization with a fresh API key to the broker of the tests. */
  public static TestOrganization publish(String name) {
    return publish(TestKafka.bootstrapServers(), name);
  }

  public static TestOrganization publish(String bootstrapServers, String name) {
    return publish(bootstrapServers, name, UUID.randomUUID());
  }

  /** Publishes an organization with a chosen id (e.g. one that events already named). */
  public static TestOrganization publish(String bootstrapServers, String name, UUID id) {
    String apiKey = ApiKeys.generate();
    OrganizationMessage message =
        new OrganizationMessage(
            id,
            1,
            name,
            "UTC",
            "USD",
            "TST",
            0,
            0,
            null,
            List.of(ApiKeys.hash(apiKey)),
            Instant.now());
    TestKafka.send(
        bootstrapServers,
        Topics.ORGANIZATIONS,
        id.toString(),
        MessageCodec.encode(message),
        Map.of(
            MessageHeaders.ID, UUID.randomUUID().toString(),
            MessageHeaders.TYPE, OrganizationMessage.TYPE,
            MessageHeaders.SCHEMA_VERSION, String.valueOf(OrganizationMessage.VERSION),
            MessageHeaders.ORGANIZATION_ID, id.toString()));
    return new TestOrganization(id, apiKey);
  }
}
