package dev.billing.bench.soak;

import dev.billing.platform.contracts.MessageCodec;
import dev.billing.platform.kafka.KafkaClients;
import dev.billing.platform.kafka.Topics;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * An internal producer on {@code billing.events.inbound} at a steady rate (Lago's event JSON plus
 * {@code organization_id}, keyed by the external subscription id): an event counts as acknowledged
 * when Kafka acknowledged it (acks=all); one whose send failed is sent again. Every {@code
 * resendEvery}-th event is followed by an already acknowledged one. Kafka carries the odd indices.
 */
final class KafkaInboundProducer {

  private final Workload workload;
  private final Acks acks;
  private final String organizationId;
  private final double eventsPerSecond;
  private final int resendEvery;
  private final ConcurrentLinkedQueue<Long> toRetry = new ConcurrentLinkedQueue<>();
  private final AtomicLong inFlight = new AtomicLong();
  final AtomicLong resent = new AtomicLong();
  final AtomicLong failedSends = new AtomicLong();
  final AtomicLong unacknowledged = new AtomicLong();

  KafkaInboundProducer(
      Workload workload,
      Acks acks,
      String organizationId,
      double eventsPerSecond,
      int resendEvery) {
    this.workload = workload;
    this.acks = acks;
    this.organizationId = organizationId;
    this.eventsPerSecond = eventsPerSecond;
    this.resendEvery = resendEvery;
  }

  void run(String bootstrap, long startedAt, long stopAt, long giveUpAt) {
    Properties p = KafkaClients.durableProducer(bootstrap, "soak-inbound");
    p.setProperty(ProducerConfig.LINGER_MS_CONFIG, "5");
    SplittableRandom random = new SplittableRandom(99);
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      long k = 0;
      while (true) {
        long due = startedAt + (long) (k * 1e9 / eventsPerSecond);
        if (due >= stopAt) {
          break;
        }
        HttpProducer.sleepUntil(due);
        for (Long again = toRetry.poll(); again != null; again = toRetry.poll()) {
          send(producer, again, true);
        }
        send(producer, 2 * k + 1, true);
        if (resendEvery > 0 && k % resendEvery == resendEvery - 1) {
          long index = acks.random(random);
          if (index >= 0) {
            send(producer, index, false);
            resent.incrementAndGet();
          }
        }
        k++;
      }
      // what is left: every failed send again, until acknowledged or giveUpAt
      while (inFlight.get() > 0 || !toRetry.isEmpty()) {
        producer.flush();
        for (Long again = toRetry.poll(); again != null; again = toRetry.poll()) {
          send(producer, again, true);
        }
        if (System.nanoTime() > giveUpAt) {
          unacknowledged.set(inFlight.get() + toRetry.size());
          break;
        }
        HttpProducer.sleepUntil(System.nanoTime() + 50_000_000);
      }
    }
  }

  private void send(KafkaProducer<String, String> producer, long index, boolean track) {
    Workload.Event e = workload.event(index);
    Map<String, Object> message = Soak.lagoEvent(e);
    message.put("organization_id", organizationId);
    if (track) {
      inFlight.incrementAndGet();
    }
    producer.send(
        new ProducerRecord<>(
            Topics.EVENTS_INBOUND,
            Workload.subscriptionId(e.subscription()),
            MessageCodec.encode(message)),
        (metadata, error) -> {
          if (!track) {
            return;
          }
          if (error == null) {
            acks.add(index);
          } else {
            failedSends.incrementAndGet();
            toRetry.add(index);
          }
          inFlight.decrementAndGet();
        });
  }
}
