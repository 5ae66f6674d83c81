package dev.billing.bench.soak;

import dev.billing.platform.contracts.InvoiceMessage;
import dev.billing.platform.contracts.MessageCodec;
import dev.billing.platform.contracts.UsageRatedMessage;
import dev.billing.platform.kafka.Topics;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * What the services published through their outboxes, which also lived through the kills: the
 * latest {@code billing.usage.rated} message of each subscription (what a wallet would see) and the
 * {@code billing.invoices} message of each invoice (what the payment router would collect).
 */
final class Downstream {

  private final String bootstrap;
  private final UUID organization;

  Downstream(String bootstrap, String organizationId) {
    this.bootstrap = bootstrap;
    this.organization = UUID.fromString(organizationId);
  }

  /**
   * Subscriptions whose latest usage.rated message differs from the recount (events or amount of a
   * charge), after waiting up to {@code seconds} for the coalesced publisher to catch up.
   */
  int usageRatedMismatches(Check check, int seconds) throws InterruptedException {
    long deadline = System.nanoTime() + seconds * 1_000_000_000L;
    while (true) {
      Map<String, UsageRatedMessage> latest =
          latest(
              Topics.USAGE_RATED,
              UsageRatedMessage.class,
              UsageRatedMessage::externalSubscriptionId,
              UsageRatedMessage::organizationId);
      int mismatches = 0;
      String first = null;
      for (int s = 0; s < check.subscriptions(); s++) {
        UsageRatedMessage m = latest.get(Workload.subscriptionId(s));
        Expected.Tally expected = check.tally(s);
        Map<String, Long> cents = expected.chargeCents();
        boolean same = m != null && m.charges().size() == cents.size();
        for (UsageRatedMessage.ChargeAmount c :
            m == null ? List.<UsageRatedMessage.ChargeAmount>of() : m.charges()) {
          same &=
              c.eventsCount() == expected.events(c.billableMetricCode())
                  && c.amountCents() == cents.get(c.billableMetricCode());
        }
        if (!same) {
          mismatches++;
          first =
              first == null
                  ? Workload.subscriptionId(s) + ": " + (m == null ? "no message" : m.charges())
                  : first;
        }
      }
      if (mismatches == 0 || System.nanoTime() > deadline) {
        if (mismatches > 0) {
          Soak.log(
              "usage.rated differs from the recount for %d subscriptions, first %s; recount %s",
              mismatches, first, check.tally(0).chargeCents());
        }
        return mismatches;
      }
      Thread.sleep(5000);
    }
  }

  /**
   * Invoices (as the API lists them) without a billing.invoices message of the same status and
   * total.
   */
  int invoiceMessageMismatches(Map<String, Map<?, ?>> invoices) {
    Map<String, InvoiceMessage> latest =
        latest(
            Topics.INVOICES,
            InvoiceMessage.class,
            m -> m.invoiceId().toString(),
            InvoiceMessage::organizationId);
    int mismatches = 0;
    for (Map.Entry<String, Map<?, ?>> invoice : invoices.entrySet()) {
      InvoiceMessage m = latest.get(invoice.getKey());
      Map<?, ?> api = invoice.getValue();
      if (m == null
          || !m.status().equals(api.get("status"))
          || m.totalAmountCents() != ((Number) api.get("total_amount_cents")).longValue()) {
        mismatches++;
        Soak.log(
            "invoice %s (%s, %s cents): billing.invoices has %s",
            invoice.getKey(),
            api.get("status"),
            api.get("total_amount_cents"),
            m == null ? "no message" : m.status() + " " + m.totalAmountCents());
      }
    }
    return mismatches;
  }

  /** The latest message per key of this organization on a topic, read from the start to its end. */
  private <T> Map<String, T> latest(
      String topic, Class<T> type, Function<T, String> key, Function<T, UUID> organizationOf) {
    Properties p = new Properties();
    p.setProperty(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    p.setProperty(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
    p.setProperty(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.setProperty(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
    Map<String, T> latest = new HashMap<>();
    try (KafkaConsumer<String, String> consumer =
        new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(info -> new TopicPartition(topic, info.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      while (partitions.stream().anyMatch(tp -> consumer.position(tp) < end.get(tp))) {
        for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
          T m = MessageCodec.decode(r.value(), type);
          if (organization.equals(organizationOf.apply(m))) {
            latest.put(key.apply(m), m);
          }
        }
      }
    }
    return latest;
  }
}
