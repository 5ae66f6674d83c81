package dev.billing.bench.rating;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.HdrHistogram.Histogram;

/**
 * current_usage clients on one Vert.x event loop, 3 calls in 4 for the hot subscription: an open
 * loop at a fixed rate, or closed-loop clients that ask again as soon as they have their answer. A
 * non-blocking client, so that the load generator's own CPU (the JDK's HttpClient took ~3 ms of CPU
 * per call, more than the service) does not end up in the latency it measures on a 2-core machine.
 */
final class UsageLatency {

  /** Calls this slow are listed in {@code $BENCH_SLOW_CALLS_FILE}, when it is set. */
  private static final long SLOW_MICROS = 10_000;

  /**
   * What the clients saw.
   *
   * @param hot latencies of the hot subscription's calls, in microseconds
   * @param other latencies of the other subscriptions' calls, in microseconds
   * @param failures answers other than 200
   */
  record Outcome(Histogram hot, Histogram other, long failures) {}

  /** The calls' latencies as they come in; only the event loop touches it. */
  private static final class Recording {
    private final Histogram hot = new Histogram(60_000_000L, 3);
    private final Histogram other = new Histogram(60_000_000L, 3);
    private final List<String> slow = new ArrayList<>();
    private long failures;

    void record(int subscription, long micros, boolean ok) {
      (subscription == 0 ? hot : other).recordValue(Math.max(1, micros));
      if (micros >= SLOW_MICROS) {
        // when it was due, on the wall clock, to line it up with GC and scheduler logs
        long dueAt = System.currentTimeMillis() - micros / 1000;
        slow.add(Instant.ofEpochMilli(dueAt) + " " + micros / 1000.0 + " ms sub " + subscription);
      }
      if (!ok) {
        failures++;
      }
    }

    Outcome outcome() {
      String file = System.getenv("BENCH_SLOW_CALLS_FILE");
      if (file != null && !slow.isEmpty()) {
        try {
          Files.write(Path.of(file), slow, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return new Outcome(hot, other, failures);
    }
  }

  private final URI base;
  private final String apiKey;

  UsageLatency(URI base, String apiKey) {
    this.base = base;
    this.apiKey = apiKey;
  }

  /**
   * Open loop: {@code perSecond} calls a second whatever the answers' pace, each call's latency
   * counted from when it was due (no coordinated omission).
   */
  Outcome atRate(int perSecond, int seconds) throws InterruptedException {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    HttpClient http = client(vertx, 64);
    // the same rate for 5 s, not counted: this JVM's own first calls (class loading, JIT, opening
    // connections) took up to 400 ms against an idle service
    openLoop(vertx, http, perSecond, 5, new Recording());
    Recording recording = new Recording();
    openLoop(vertx, http, perSecond, seconds, recording);
    close(vertx, http);
    return recording.outcome();
  }

  /** Closed loop: each of {@code clients} asks again as soon as it has its answer. */
  Outcome measure(int clients, int seconds) throws InterruptedException {
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    HttpClient http = client(vertx, clients);
    Recording recording = new Recording();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    CountDownLatch done = new CountDownLatch(clients);
    for (int i = 0; i < clients; i++) {
      vertx.runOnContext(v -> ask(http, end, recording, done));
    }
    done.await();
    close(vertx, http);
    return recording.outcome();
  }

  private void openLoop(
      Vertx vertx, HttpClient http, int perSecond, int seconds, Recording recording)
      throws InterruptedException {
    long calls = (long) perSecond * seconds;
    long intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
    long start = System.nanoTime();
    CountDownLatch done = new CountDownLatch(1);
    AtomicLong answered = new AtomicLong();
    AtomicLong sent = new AtomicLong();
    // one timer per due call, not a 1 ms periodic one: that woke this JVM 1,000 times a second
    // and took ~10 % of a core on the machine the latency is measured on
    vertx.runOnContext(
        v ->
            sendDue(
                vertx,
                () -> {
                  long due = (System.nanoTime() - start) / intervalNanos + 1;
                  while (sent.get() < Math.min(due, calls)) {
                    long intended = start + sent.getAndIncrement() * intervalNanos;
                    call(
                        http,
                        intended,
                        recording,
                        () -> {
                          if (answered.incrementAndGet() == calls) {
                            done.countDown();
                          }
                        });
                  }
                  return sent.get() < calls ? start + sent.get() * intervalNanos : -1;
                }));
    done.await();
  }

  /**
   * Runs {@code sendDue} (which sends every call due by now and answers when the next one is due,
   * or -1 when all are sent) and again at that instant.
   */
  private static void sendDue(Vertx vertx, LongSupplier sendDue) {
    long next = sendDue.getAsLong();
    if (next < 0) {
      return;
    }
    long delayMillis = Math.max(1, (next - System.nanoTime() + 999_999) / 1_000_000);
    vertx.setTimer(delayMillis, t -> sendDue(vertx, sendDue));
  }

  private void ask(HttpClient http, long end, Recording recording, CountDownLatch done) {
    if (System.nanoTime() >= end) {
      done.countDown();
      return;
    }
    call(http, System.nanoTime(), recording, () -> ask(http, end, recording, done));
  }

  private void call(HttpClient http, long since, Recording recording, Runnable then) {
    int n =
        ThreadLocalRandom.current().nextInt(4) == 0
            ? ThreadLocalRandom.current().nextInt(1, Workload.SUBSCRIPTIONS)
            : 0;
    http.request(
            new RequestOptions()
                .setMethod(HttpMethod.GET)
                .setURI(
                    "/api/v1/customers/bench-cust-"
                        + n
                        + "/current_usage?external_subscription_id="
                        + Workload.externalId(n))
                .putHeader("Authorization", "Bearer " + apiKey))
        .compose(req -> req.send())
        .compose(resp -> resp.body().map(body -> resp.statusCode()))
        .onComplete(
            answer -> {
              recording.record(
                  n,
                  (System.nanoTime() - since) / 1000,
                  answer.succeeded() && answer.result() == 200);
              then.run();
            });
  }

  private HttpClient client(Vertx vertx, int connections) {
    return vertx.createHttpClient(
        new HttpClientOptions()
            .setDefaultHost(base.getHost())
            .setDefaultPort(base.getPort())
            .setKeepAlive(true)
            .setTcpNoDelay(true),
        new PoolOptions().setHttp1MaxSize(connections));
  }

  private static void close(Vertx vertx, HttpClient http) {
    http.close();
    vertx.close();
  }
}
