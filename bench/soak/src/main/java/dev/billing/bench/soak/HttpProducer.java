package dev.billing.bench.soak;

import dev.billing.platform.contracts.MessageCodec;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Batches of 100 events to {@code POST /api/v1/events/batch} through the edge at a steady rate, as
 * a careful client sends them: a batch that is not answered 200 (an error, a refused connection, a
 * timeout) is sent again, the same events with the same transaction ids, until it is acknowledged.
 * Every {@code resendEvery}-th batch is followed by a batch of already acknowledged events (of
 * either channel), which must change nothing. HTTP carries the even event indices.
 */
final class HttpProducer {

  static final int BATCH = 100;

  private final Api edge;
  private final Workload workload;
  private final Acks acks;
  private final double eventsPerSecond;
  private final int resendEvery;
  private final AtomicLong nextBatch = new AtomicLong();
  final AtomicLong resent = new AtomicLong();
  final AtomicLong failedAttempts = new AtomicLong();
  final AtomicLong unacknowledged = new AtomicLong();
  final Map<String, Long> failures = new ConcurrentHashMap<>();

  HttpProducer(Api edge, Workload workload, Acks acks, double eventsPerSecond, int resendEvery) {
    this.edge = edge;
    this.workload = workload;
    this.acks = acks;
    this.eventsPerSecond = eventsPerSecond;
    this.resendEvery = resendEvery;
  }

  /** One worker: takes the next batch when it is due, until {@code stopAt} (nanoTime). */
  void work(long startedAt, long stopAt, long giveUpAt, int worker) {
    SplittableRandom random = new SplittableRandom(worker * 31L + 7);
    while (true) {
      long b = nextBatch.getAndIncrement();
      long due = startedAt + (long) (b * BATCH * 1e9 / eventsPerSecond);
      if (due >= stopAt) {
        return;
      }
      sleepUntil(due);
      List<Long> indices = new ArrayList<>(BATCH);
      for (int k = 0; k < BATCH; k++) {
        indices.add(2 * (b * BATCH + k));
      }
      if (sendUntilAcknowledged(indices, giveUpAt)) {
        indices.forEach(acks::add);
      } else {
        unacknowledged.addAndGet(indices.size());
      }
      if (resendEvery > 0 && b % resendEvery == resendEvery - 1) {
        List<Long> again = new ArrayList<>(BATCH);
        for (int k = 0; k < BATCH; k++) {
          long index = acks.random(random);
          if (index >= 0) {
            again.add(index);
          }
        }
        if (!again.isEmpty() && sendUntilAcknowledged(again, giveUpAt)) {
          resent.addAndGet(again.size());
        }
      }
    }
  }

  private boolean sendUntilAcknowledged(List<Long> indices, long giveUpAt) {
    List<Map<String, Object>> events = new ArrayList<>(indices.size());
    for (long index : indices) {
      events.add(Soak.lagoEvent(workload.event(index)));
    }
    String body = MessageCodec.encode(Map.of("events", events));
    long backoffMs = 100;
    while (true) {
      String failure;
      try {
        HttpResponse<String> answer =
            edge.call("POST", "/api/v1/events/batch", body, Duration.ofSeconds(10));
        if (answer.statusCode() == 200) {
          return true;
        }
        if (answer.statusCode() >= 400
            && answer.statusCode() < 500
            && answer.statusCode() != 408
            && answer.statusCode() != 429) {
          // the soak's own mistake, not an outage: retrying would not help
          throw new IllegalStateException(
              "events batch answered " + answer.statusCode() + ": " + answer.body());
        }
        failure = "http_" + answer.statusCode();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      } catch (java.io.IOException e) {
        failure = e.getClass().getSimpleName();
      }
      failedAttempts.incrementAndGet();
      failures.merge(failure, 1L, Long::sum);
      if (System.nanoTime() > giveUpAt) {
        return false;
      }
      sleepUntil(System.nanoTime() + backoffMs * 1_000_000);
      backoffMs = Math.min(2000, backoffMs * 2);
    }
  }

  static void sleepUntil(long nanoTime) {
    long wait = nanoTime - System.nanoTime();
    if (wait > 0) {
      try {
        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
