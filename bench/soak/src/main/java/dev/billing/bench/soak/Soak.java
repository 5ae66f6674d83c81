package dev.billing.bench.soak;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The soak run (bench/soak/run.sh): a fresh organization through the edge, HTTP and Kafka producers
 * at a steady rate while a killer SIGKILLs one service at a time and restarts it, then every total
 * against an independent recount: current usage per subscription and charge, and the invoices of
 * the as-of billing run (during which invoicing-service is killed too).
 */
public final class Soak {

  public static void main(String[] args) throws Exception {
    Path root = Path.of(env("SOAK_ROOT", ".")).toAbsolutePath().normalize();
    Path out = Path.of(env("SOAK_OUT", "."));
    String adminToken =
        env("BILLING_ADMIN_TOKEN", null) != null
            ? env("BILLING_ADMIN_TOKEN", null)
            : Files.readString(root.resolve("deploy/local/.run/admin-token")).trim();
    Api operator = new Api(env("SOAK_OPERATOR_URL", "http://127.0.0.1:8083"), adminToken);
    int subscriptions = Integer.parseInt(env("SOAK_SUBSCRIPTIONS", "100"));
    int seconds = Integer.parseInt(env("SOAK_SECONDS", "600"));
    double rate = Double.parseDouble(env("SOAK_RATE", "1000"));
    double httpShare = Double.parseDouble(env("SOAK_HTTP_SHARE", "0.5"));
    String[] gap = env("SOAK_KILL_EVERY", "45-90").split("-");
    Killer killer =
        new Killer(
            root,
            out.resolve("up-restarts.log").toFile(),
            env("SOAK_KILL_SERVICES", "ingest-service,rating-service,invoicing-service")
                .split(","));

    // 1. a fresh organization, its catalog, customers and subscriptions, through the edge
    Instant now = Instant.now();
    LocalDate month = now.atZone(ZoneOffset.UTC).toLocalDate().withDayOfMonth(1);
    Instant periodStart = month.atStartOfDay(ZoneOffset.UTC).toInstant();
    Instant periodEnd = month.plusMonths(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    Setup setup =
        Setup.run(
            operator, env("SOAK_EDGE_URL", "http://127.0.0.1:3000"), subscriptions, periodStart);
    Workload workload =
        new Workload(subscriptions, periodStart.getEpochSecond(), now.getEpochSecond());

    // 2. producers for SOAK_SECONDS while the killer works
    Acks acks = new Acks();
    int resendEvery = Integer.parseInt(env("SOAK_RESEND_EVERY", "20"));
    HttpProducer http =
        new HttpProducer(setup.edge(), workload, acks, rate * httpShare, resendEvery);
    KafkaInboundProducer kafka =
        new KafkaInboundProducer(
            workload, acks, setup.organizationId(), rate * (1 - httpShare), 5 * resendEvery);
    long startedAt = System.nanoTime();
    long stopAt = startedAt + seconds * 1_000_000_000L;
    long giveUpAt = stopAt + 300 * 1_000_000_000L;
    log(
        "producing %.0f events/s (%.0f%% by HTTP, the rest by Kafka) for %d s; a kill every %s s",
        rate, 100 * httpShare, seconds, String.join("-", gap));
    AtomicReference<Throwable> failed = new AtomicReference<>();
    List<Thread> threads = new ArrayList<>();
    int workers = Integer.parseInt(env("SOAK_HTTP_WORKERS", "4"));
    for (int w = 0; w < workers; w++) {
      int worker = w;
      threads.add(start("http-" + w, failed, () -> http.work(startedAt, stopAt, giveUpAt, worker)));
    }
    String bootstrap = env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    threads.add(start("kafka", failed, () -> kafka.run(bootstrap, startedAt, stopAt, giveUpAt)));
    threads.add(
        start(
            "killer",
            failed,
            () ->
                killer.run(
                    Integer.parseInt(gap[0]), Integer.parseInt(gap[gap.length - 1]), stopAt)));
    Thread progress =
        start(
            "progress",
            failed,
            () -> {
              while (true) {
                Thread.sleep(30_000);
                log(
                    "%3.0f s: %d events acknowledged, %d kills, HTTP attempts failed %d %s, Kafka sends failed %d",
                    (System.nanoTime() - startedAt) / 1e9,
                    acks.count(),
                    killer.kills.get(),
                    http.failedAttempts.get(),
                    http.failures,
                    kafka.failedSends.get());
              }
            });
    for (Thread t : threads) {
      t.join();
    }
    progress.interrupt();
    if (failed.get() != null) {
      throw new IllegalStateException("the soak failed", failed.get());
    }
    long acknowledged = acks.count();
    System.out.printf(
        "BENCH seconds=%d events_acknowledged=%d by_http=%d by_kafka=%d resent_acknowledged=%d"
            + " unacknowledged=%d http_failed_attempts=%d %s kafka_failed_sends=%d%n",
        seconds,
        acknowledged,
        countParity(acks, 0),
        countParity(acks, 1),
        http.resent.get() + kafka.resent.get(),
        http.unacknowledged.get() + kafka.unacknowledged.get(),
        http.failedAttempts.get(),
        http.failures,
        kafka.failedSends.get());

    // 3. everything up again, everything metered, then the recount of usage
    killer.restart();
    Check check =
        new Check(
            setup,
            workload,
            acks.snapshot(),
            env("SOAK_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/billing"));
    check.awaitMetered(Integer.parseInt(env("SOAK_METER_WAIT_S", "300")));
    Check.Usage usage = check.usage();

    // 4. the as-of billing run for the period end, invoicing-service killed during it, run again
    int invoicesCreated = bill(operator, killer, check, setup.organizationId(), periodEnd);
    Map<String, Map<?, ?>> invoices = new HashMap<>();
    int invoiceMismatches = check.invoices(invoices);

    // 5. what left through the outboxes: usage.rated per subscription, invoices per invoice
    Downstream downstream = new Downstream(bootstrap, setup.organizationId());
    int usageRated =
        downstream.usageRatedMismatches(
            check, Integer.parseInt(env("SOAK_USAGE_RATED_WAIT_S", "60")));
    int invoiceMessages = downstream.invoiceMessageMismatches(invoices);
    System.out.printf(
        "BENCH outbox usage_rated_mismatches=%d invoice_message_mismatches=%d%n",
        usageRated, invoiceMessages);
    System.out.printf(
        "BENCH kills=%d %s slowest_restart_s=%.1f invoices_created=%d%n",
        killer.kills.get(), killer.byService, killer.slowestRestartSeconds(), invoicesCreated);
    String result =
        String.format(
            "RESULT events=%d kills=%d lost=%d double_counted=%d invoice_mismatches=%d",
            acknowledged,
            killer.kills.get(),
            usage.lost(),
            usage.doubleCounted(),
            invoiceMismatches);
    System.out.println(result);
    Files.writeString(out.resolve("result.txt"), result + "\n");
    boolean clean =
        usage.lost() == 0
            && usage.doubleCounted() == 0
            && invoiceMismatches == 0
            && usage.otherMismatches() == 0
            && usageRated == 0
            && invoiceMessages == 0
            && http.unacknowledged.get() + kafka.unacknowledged.get() == 0;
    System.exit(clean ? 0 : 1);
  }

  /**
   * The operator's as-of run; once it has made its first invoice, invoicing-service is killed, and
   * the run is started again (as an operator would) until it reports no failures.
   */
  private static int bill(Api operator, Killer killer, Check check, String org, Instant asOf)
      throws Exception {
    Map<String, Object> body =
        Map.of("billing_run", Map.of("as_of", asOf.toString(), "organization_id", org));
    AtomicReference<Object> first = new AtomicReference<>();
    Thread run =
        new Thread(
            () -> {
              try {
                first.set(operator.ok("POST", "/admin/v1/billing_runs", body));
              } catch (Exception e) {
                first.set(e);
              }
            });
    run.start();
    while (run.isAlive() && check.invoiceCount() == 0) {
      Thread.sleep(20);
    }
    int created = 0;
    if (run.isAlive()) {
      log("billing run as of %s made its first invoice: killing invoicing-service", asOf);
      killer.killAndRestart("invoicing-service");
      run.join();
      log("the interrupted run: %s", String.valueOf(first.get()).lines().findFirst().orElse(""));
    } else {
      log("the billing run finished before it could be killed (%s)", first.get());
      created += runCount(first.get(), "invoices_created");
    }
    for (int attempt = 1; attempt <= 5; attempt++) {
      Map<?, ?> answer =
          (Map<?, ?>) operator.ok("POST", "/admin/v1/billing_runs", body).get("billing_run");
      created += ((Number) answer.get("invoices_created")).intValue();
      Map<?, ?> failures = (Map<?, ?>) answer.get("failures");
      log(
          "billing run %d as of %s: %s invoices, %d failures %s",
          attempt,
          asOf,
          answer.get("invoices_created"),
          failures.size(),
          failures.isEmpty() ? "" : failures);
      if (failures.isEmpty()) {
        break;
      }
      Thread.sleep(2000);
    }
    return created;
  }

  private static int runCount(Object answer, String key) {
    return answer instanceof Map<?, ?> map
        ? ((Number) ((Map<?, ?>) map.get("billing_run")).get(key)).intValue()
        : 0;
  }

  /** Lago's event JSON for one workload event. */
  static Map<String, Object> lagoEvent(Workload.Event e) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("transaction_id", e.transactionId());
    event.put("code", e.metric());
    event.put("external_subscription_id", Workload.subscriptionId(e.subscription()));
    event.put("timestamp", e.timestamp());
    event.put("properties", e.properties());
    return event;
  }

  private static long countParity(Acks acks, int parity) {
    return acks.snapshot().stream().filter(i -> i % 2 == parity).count();
  }

  interface Body {
    void run() throws Exception;
  }

  private static Thread start(String name, AtomicReference<Throwable> failed, Body body) {
    Thread t =
        new Thread(
            () -> {
              try {
                body.run();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (Throwable e) {
                log("%s failed: %s", name, e);
                failed.compareAndSet(null, e);
              }
            },
            name);
    t.start();
    return t;
  }

  static void log(String format, Object... args) {
    System.err.printf(
        "[soak %s] " + format + "%n", prepend(Instant.now().toString().substring(11, 19), args));
  }

  private static Object[] prepend(Object first, Object[] rest) {
    Object[] all = new Object[rest.length + 1];
    all[0] = first;
    System.arraycopy(rest, 0, all, 1, rest.length);
    return all;
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
