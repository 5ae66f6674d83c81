package dev.billing.bench.ingest;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * Posts batches to {@code /api/v1/events/batch}: either as fast as {@code connections} concurrent
 * requests allow, or at a fixed rate (latency measured from the intended send time, so a stall is
 * not hidden by waiting).
 */
final class LoadRun {

  /**
   * What a run did.
   *
   * @param okRequests answered 200
   * @param okEvents events in those requests
   * @param failedRequests any other answer or a connection error
   * @param seconds duration
   * @param latency per-request latency in microseconds
   */
  record Outcome(
      long okRequests, long okEvents, long failedRequests, double seconds, Histogram latency) {
    double eventsPerSecond() {
      return okEvents / seconds;
    }
  }

  private final Vertx vertx;
  private final HttpClient client;
  private final String apiKey;
  private final BatchTemplate[] templates;
  private final AtomicLong sequence = new AtomicLong();

  LoadRun(
      Vertx vertx,
      String host,
      int port,
      int connections,
      String apiKey,
      BatchTemplate[] templates) {
    this.vertx = vertx;
    this.client =
        vertx.createHttpClient(
            new HttpClientOptions()
                .setDefaultHost(host)
                .setDefaultPort(port)
                .setKeepAlive(true)
                .setTcpNoDelay(true),
            new PoolOptions().setHttp1MaxSize(connections));
    this.apiKey = apiKey;
    this.templates = templates;
  }

  /** Closed loop: each of {@code concurrency} senders posts again as soon as it has an answer. */
  Outcome saturate(int concurrency, long durationMs) throws InterruptedException {
    Counters counters = new Counters();
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(durationMs);
    CountDownLatch done = new CountDownLatch(concurrency);
    long start = System.nanoTime();
    for (int i = 0; i < concurrency; i++) {
      int worker = i;
      vertx.runOnContext(v -> sendLoop(worker, end, counters, done));
    }
    done.await();
    return counters.outcome((System.nanoTime() - start) / 1e9);
  }

  /** Open loop: {@code requestsPerSecond} sends, each timed from when it was due. */
  Outcome fixedRate(double requestsPerSecond, long durationMs) throws InterruptedException {
    Counters counters = new Counters();
    long start = System.nanoTime();
    long total = (long) (requestsPerSecond * durationMs / 1000);
    double intervalNanos = 1e9 / requestsPerSecond;
    AtomicLong issued = new AtomicLong();
    CountDownLatch done = new CountDownLatch(1);
    AtomicLong outstanding = new AtomicLong();
    long timer =
        vertx.setPeriodic(
            1,
            id -> {
              long due = (long) ((System.nanoTime() - start) / intervalNanos) + 1;
              while (issued.get() < Math.min(due, total)) {
                long n = issued.getAndIncrement();
                long intended = start + (long) (n * intervalNanos);
                outstanding.incrementAndGet();
                send(
                    (int) (n % templates.length),
                    counters,
                    intended,
                    () -> {
                      if (outstanding.decrementAndGet() == 0 && issued.get() >= total) {
                        done.countDown();
                      }
                    });
              }
            });
    done.await(durationMs + 60_000, TimeUnit.MILLISECONDS);
    vertx.cancelTimer(timer);
    return counters.outcome((System.nanoTime() - start) / 1e9);
  }

  private void sendLoop(int worker, long end, Counters counters, CountDownLatch done) {
    if (System.nanoTime() >= end) {
      done.countDown();
      return;
    }
    send(
        worker % templates.length,
        counters,
        System.nanoTime(),
        () -> sendLoop(worker, end, counters, done));
  }

  private void send(int template, Counters counters, long intendedNanos, Runnable then) {
    BatchTemplate batch = templates[template];
    Buffer body = Buffer.buffer(batch.body(sequence.getAndIncrement()));
    client
        .request(
            new RequestOptions()
                .setMethod(HttpMethod.POST)
                .setURI("/api/v1/events/batch")
                .putHeader("Authorization", "Bearer " + apiKey)
                .putHeader("Content-Type", "application/json"))
        .compose(req -> req.send(body))
        .compose(resp -> resp.body().map(b -> resp.statusCode()))
        .onComplete(
            ar -> {
              long micros = (System.nanoTime() - intendedNanos) / 1000;
              counters.latency.recordValue(Math.max(1, micros));
              if (ar.succeeded() && ar.result() == 200) {
                counters.okRequests.incrementAndGet();
                counters.okEvents.addAndGet(batch.eventsPerBatch());
              } else {
                counters.failed.incrementAndGet();
              }
              then.run();
            });
  }

  void close() {
    client.close();
  }

  private static final class Counters {
    final AtomicLong okRequests = new AtomicLong();
    final AtomicLong okEvents = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final ConcurrentHistogram latency = new ConcurrentHistogram(3_600_000_000L, 3);

    Outcome outcome(double seconds) {
      return new Outcome(okRequests.get(), okEvents.get(), failed.get(), seconds, latency);
    }
  }
}
