package dev.billing.platform.kafka;

import java.util.List;
import java.util.Map;

/** Every Kafka topic of the system, its partitions and configs: the one place they are named. */
public final class Topics {

  /** Lago event JSON plus {@code organization_id}, from trusted internal producers. */
  public static final String EVENTS_INBOUND = "billing.events.inbound";

  /** Validated usage events, keyed by organization + external_subscription_id. */
  public static final String EVENTS_ACCEPTED = "billing.events.accepted";

  /** Events that failed validation, with a reason code. */
  public static final String EVENTS_REJECTED = "billing.events.rejected";

  /** Rated usage per subscription, coalesced. */
  public static final String USAGE_RATED = "billing.usage.rated";

  public static final String ORGANIZATIONS = "billing.organizations";
  public static final String CATALOG = "billing.catalog";
  public static final String CUSTOMERS = "billing.customers";
  public static final String SUBSCRIPTIONS = "billing.subscriptions";
  public static final String INVOICES = "billing.invoices";
  public static final String WALLETS = "billing.wallets";
  public static final String TAXES = "billing.taxes";
  public static final String PAYMENTS = "billing.payments";

  /** Where a consumer puts a message it cannot process, with the reason in headers. */
  public static final String DEAD_LETTER_SUFFIX = ".dlq";

  private static final int EVENT_PARTITIONS = 12;
  private static final int STATE_PARTITIONS = 3;
  private static final Map<String, String> NONE = Map.of();

  /** The topics the system needs, created at start-up by whichever process gets there first. */
  public static final List<TopicSpec> ALL =
      List.of(
          new TopicSpec(EVENTS_INBOUND, EVENT_PARTITIONS, NONE),
          new TopicSpec(EVENTS_ACCEPTED, EVENT_PARTITIONS, NONE),
          new TopicSpec(EVENTS_REJECTED, STATE_PARTITIONS, NONE),
          new TopicSpec(USAGE_RATED, STATE_PARTITIONS, NONE),
          new TopicSpec(ORGANIZATIONS, STATE_PARTITIONS, NONE),
          new TopicSpec(CATALOG, STATE_PARTITIONS, NONE),
          new TopicSpec(CUSTOMERS, STATE_PARTITIONS, NONE),
          new TopicSpec(SUBSCRIPTIONS, STATE_PARTITIONS, NONE),
          new TopicSpec(INVOICES, STATE_PARTITIONS, NONE),
          new TopicSpec(WALLETS, STATE_PARTITIONS, NONE),
          new TopicSpec(TAXES, STATE_PARTITIONS, NONE),
          new TopicSpec(PAYMENTS, STATE_PARTITIONS, NONE),
          new TopicSpec(ORGANIZATIONS + DEAD_LETTER_SUFFIX, 1, NONE),
          new TopicSpec(CATALOG + DEAD_LETTER_SUFFIX, 1, NONE),
          new TopicSpec(CUSTOMERS + DEAD_LETTER_SUFFIX, 1, NONE),
          new TopicSpec(SUBSCRIPTIONS + DEAD_LETTER_SUFFIX, 1, NONE),
          new TopicSpec(INVOICES + DEAD_LETTER_SUFFIX, 1, NONE),
          new TopicSpec(EVENTS_ACCEPTED + DEAD_LETTER_SUFFIX, 1, NONE),
          new TopicSpec(USAGE_RATED + DEAD_LETTER_SUFFIX, 1, NONE),
          new TopicSpec(PAYMENTS + DEAD_LETTER_SUFFIX, 1, NONE));

  /** The topic the outbox relay publishes an aggregate type to: {@code billing.<type>}. */
  public static String forAggregateType(String aggregateType) {
    return "billing." + aggregateType;
  }

  public static String deadLetter(String topic) {
    return topic + DEAD_LETTER_SUFFIX;
  }

  private Topics() {}
}
