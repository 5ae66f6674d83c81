package dev.billing.bench.billingrun;

import dev.billing.platform.contracts.AcceptedEventMessage;
import dev.billing.platform.contracts.MessageCodec;
import dev.billing.platform.kafka.KafkaClients;
import dev.billing.platform.kafka.Topics;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The billing-run benchmark's steps, each its own process run by bench/billing-run/run.sh: {@code
 * setup} (organization, catalog, customers and subscriptions through the real APIs), {@code usage}
 * (events into billing.events.accepted, then waits until rating has metered them all), {@code run}
 * (the timed as-of billing run) and {@code verify} (every invoice against an independent
 * recomputation).
 */
public final class BillingRunBench {

  static final String PLAN_CODE = "bench_run_plan";
  static final String AS_OF = "2026-12-01T00:00:00Z";

  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  public static void main(String[] args) throws Exception {
    Properties state = new Properties();
    String stateFile = env("BENCH_STATE", "bench-state.properties");
    if (!"setup".equals(args[0])) {
      try (FileReader in = new FileReader(stateFile)) {
        state.load(in);
      }
    }
    switch (args[0]) {
      case "setup" -> setup(state, stateFile);
      case "usage" -> usage(state);
      case "run" -> run(state);
      case "verify" -> verify(state);
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  // ---------------------------------------------------------------- setup

  private static void setup(Properties state, String stateFile) throws Exception {
    int subscriptions = subscriptions();
    long started = System.nanoTime();
    Map<?, ?> created =
        MessageCodec.decode(
            send(
                "POST",
                invoicing(),
                adminToken(),
                "/admin/v1/organizations",
                Map.of("organization", Map.of("name", "Billing-run bench " + UUID.randomUUID()))),
            Map.class);
    Map<?, ?> organization = (Map<?, ?>) created.get("organization");
    String org = (String) organization.get("lago_id");
    String apiKey = (String) organization.get("api_key");
    await(
        "the key authenticates on invoicing",
        60,
        () -> status("GET", invoicing(), apiKey, "/api/v1/organizations", null) == 200);
    await(
        "the key authenticates on rating",
        60,
        () -> status("GET", rating(), apiKey, "/api/v1/billable_metrics", null) == 200);
    log("organization %s authenticates on both services after %.1f s", org, since(started));

    Map<String, String> metrics = new HashMap<>();
    metrics.put("api_calls", metric(apiKey, "API calls", "api_calls", "count_agg", null));
    metrics.put("tokens", metric(apiKey, "Tokens", "tokens", "sum_agg", "tokens"));
    metrics.put("storage_gb", metric(apiKey, "Storage", "storage_gb", "max_agg", "gb"));
    metrics.put("cpu_hours", metric(apiKey, "CPU hours", "cpu_hours", "sum_agg", "hours"));
    metrics.put("payments", metric(apiKey, "Payments", "payments", "sum_agg", "amount"));
    List<Object> charges =
        List.of(
            charge(
                metrics.get("api_calls"), "standard", Map.of("amount", Expected.STANDARD_AMOUNT)),
            charge(
                metrics.get("tokens"),
                "graduated",
                Map.of(
                    "graduated_ranges",
                    ranges(
                        Expected.GRADUATED_BOUNDS,
                        Expected.GRADUATED_PER_UNIT,
                        Expected.GRADUATED_FLAT))),
            charge(
                metrics.get("storage_gb"),
                "volume",
                Map.of(
                    "volume_ranges",
                    ranges(
                        Expected.VOLUME_BOUNDS, Expected.VOLUME_PER_UNIT, Expected.VOLUME_FLAT))),
            charge(
                metrics.get("cpu_hours"),
                "package",
                Map.of(
                    "amount",
                    Expected.PACKAGE_AMOUNT,
                    "package_size",
                    Expected.PACKAGE_SIZE,
                    "free_units",
                    Expected.PACKAGE_FREE_UNITS)),
            charge(
                metrics.get("payments"),
                "percentage",
                Map.of(
                    "rate", Expected.PERCENTAGE_RATE, "fixed_amount", Expected.PERCENTAGE_FIXED)));
    send(
        "POST",
        rating(),
        apiKey,
        "/api/v1/plans",
        Map.of(
            "plan",
            Map.of(
                "name",
                "Billing-run bench",
                "code",
                PLAN_CODE,
                "interval",
                "monthly",
                "amount_cents",
                Expected.FLAT_FEE_CENTS,
                "amount_currency",
                "USD",
                "pay_in_advance",
                false,
                "charges",
                charges)));
    long planAt = System.nanoTime();
    try (Connection db = db()) {
      await(
          "the plan reaches invoicing (billing.catalog)",
          60,
          () ->
              count(
                      db,
                      "SELECT count(*) FROM invoicing.plans WHERE organization_id = ?::uuid AND code = ?",
                      org,
                      PLAN_CODE)
                  == 1);
    }
    log("catalog made; the plan reached invoicing in %.1f s", since(planAt));

    long subscribing = System.nanoTime();
    int connections = Integer.parseInt(env("BENCH_CONNECTIONS", "32"));
    ExecutorService pool = Executors.newFixedThreadPool(connections);
    AtomicInteger failures = new AtomicInteger();
    List<Future<?>> done = new ArrayList<>();
    for (int n = 0; n < subscriptions; n++) {
      int i = n;
      done.add(
          pool.submit(
              () -> {
                try {
                  send(
                      "POST",
                      invoicing(),
                      apiKey,
                      "/api/v1/customers",
                      Map.of(
                          "customer",
                          Map.of(
                              "external_id",
                              Workload.externalCustomerId(i),
                              "name",
                              "Bench customer " + i,
                              "currency",
                              "USD")));
                  send(
                      "POST",
                      invoicing(),
                      apiKey,
                      "/api/v1/subscriptions",
                      Map.of(
                          "subscription",
                          Map.of(
                              "external_customer_id",
                              Workload.externalCustomerId(i),
                              "external_id",
                              Workload.externalSubscriptionId(i),
                              "plan_code",
                              PLAN_CODE,
                              "billing_time",
                              "calendar",
                              "subscription_at",
                              Workload.PERIOD_START.toString())));
                } catch (Exception e) {
                  if (failures.incrementAndGet() <= 5) {
                    log("subscription %d failed: %s", i, e.getMessage());
                  }
                }
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    pool.shutdown();
    if (failures.get() > 0) {
      throw new IllegalStateException(failures.get() + " customers or subscriptions failed");
    }
    double apiSeconds = since(subscribing);
    log(
        "%d customers + subscriptions through invoicing's API in %.1f s (%.0f requests/s, %d"
            + " connections)",
        subscriptions, apiSeconds, 2 * subscriptions / apiSeconds, connections);
    try (Connection db = db()) {
      await(
          "rating knows every subscription (billing.subscriptions)",
          600,
          () ->
              count(
                      db,
                      "SELECT count(*) FROM rating.subscriptions WHERE organization_id = ?::uuid"
                          + " AND status = 'active'",
                      org)
                  == subscriptions);
    }
    log(
        "rating knows all %d subscriptions %.1f s after the last API call",
        subscriptions, since(subscribing) - apiSeconds);
    state.setProperty("organization_id", org);
    state.setProperty("api_key", apiKey);
    state.setProperty("subscriptions", String.valueOf(subscriptions));
    try (FileWriter out = new FileWriter(stateFile)) {
      state.store(out, "billing-run bench");
    }
    System.out.printf(
        "BENCH setup_seconds=%.1f subscriptions_api_per_s=%.0f organization=%s%n",
        since(started), 2 * subscriptions / apiSeconds, org);
  }

  // ---------------------------------------------------------------- usage

  private static void usage(Properties state) throws Exception {
    UUID org = UUID.fromString(state.getProperty("organization_id"));
    int subscriptions = Integer.parseInt(state.getProperty("subscriptions"));
    Workload workload = workload();
    Properties p =
        KafkaClients.durableProducer(
            env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19392"), "bench-billing-run-usage");
    p.setProperty(ProducerConfig.LINGER_MS_CONFIG, "20");
    p.setProperty(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
    p.setProperty(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    long started = System.nanoTime();
    long sent = 0;
    long ingestedAt = System.currentTimeMillis();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      for (int n = 0; n < subscriptions; n++) {
        String external = Workload.externalSubscriptionId(n);
        for (Workload.Event e : workload.events(n)) {
          long at = e.timestamp().toEpochMilli();
          AcceptedEventMessage message =
              new AcceptedEventMessage(
                  org,
                  "http",
                  ingestedAt,
                  at,
                  new AcceptedEventMessage.Event(
                      external + "-" + e.transactionId(),
                      e.metric(),
                      external,
                      BigDecimal.valueOf(at, 3),
                      e.properties(),
                      null));
          producer.send(
              new ProducerRecord<>(
                  Topics.EVENTS_ACCEPTED,
                  AcceptedEventMessage.key(org, external),
                  MessageCodec.encode(message)));
          sent++;
        }
      }
      producer.flush();
    }
    double produceSeconds = since(started);
    log("%d events produced in %.1f s", sent, produceSeconds);
    long metered = 0;
    long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
    try (Connection db = db()) {
      while (metered < sent) {
        metered =
            count(
                db,
                "SELECT coalesce(sum(events_count), 0) FROM rating.usage_aggregates"
                    + " WHERE organization_id = ?::uuid",
                org.toString());
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("metered " + metered + " of " + sent + " in 30 min");
        }
        Thread.sleep(250);
      }
    }
    double seconds = since(started);
    System.out.printf(
        "BENCH events=%d produce_seconds=%.1f metered_seconds=%.1f metered_events_per_s=%d%n",
        sent, produceSeconds, seconds, Math.round(sent / seconds));
    // what setup and metering left to do in the background (rating's billing.usage.rated of every
    // subscription, invoicing's subscription.started webhooks) is done before the timed run, so
    // that the run's time is the run's work
    long caughtUp = System.nanoTime();
    try (Connection db = db()) {
      await(
          "rating's usage publication and invoicing's subscription webhooks",
          1800,
          () ->
              count(
                          db,
                          "SELECT (SELECT count(*) FROM rating.usage_dirty)"
                              + " + (SELECT count(*) FROM rating.usage_publishing)")
                      == 0
                  && count(db, "SELECT count(*) FROM invoicing.subscription_webhook_states")
                      >= subscriptions());
    }
    log("background work of setup and metering done %.1f s later", since(caughtUp));
  }

  // ---------------------------------------------------------------- the timed run

  private static void run(Properties state) throws Exception {
    String org = state.getProperty("organization_id");
    String body =
        MessageCodec.encode(Map.of("billing_run", Map.of("as_of", AS_OF, "organization_id", org)));
    long started = System.nanoTime();
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(invoicing() + "/admin/v1/billing_runs"))
                .timeout(Duration.ofMinutes(30))
                .header("Authorization", "Bearer " + adminToken())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    double seconds = since(started);
    Files.writeString(Path.of(env("BENCH_RUN_ANSWER", "billing-run-answer.json")), response.body());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "billing run answered " + response.statusCode() + ": " + response.body());
    }
    Map<?, ?> run = (Map<?, ?>) MessageCodec.decode(response.body(), Map.class).get("billing_run");
    Map<?, ?> failures = (Map<?, ?>) run.get("failures");
    if (!failures.isEmpty()) {
      failures.entrySet().stream()
          .limit(5)
          .forEach(f -> log("billing run failure: %s %s", f.getKey(), f.getValue()));
    }
    System.out.printf(
        "BENCH billing_run_seconds=%.2f subscriptions_checked=%s invoices_created=%s"
            + " run_failures=%d invoices_per_s=%.0f%n",
        seconds,
        run.get("subscriptions_checked"),
        run.get("invoices_created"),
        failures.size(),
        ((Number) run.get("invoices_created")).doubleValue() / seconds);
  }

  // ---------------------------------------------------------------- the independent recomputation

  private static void verify(Properties state) throws Exception {
    String org = state.getProperty("organization_id");
    int subscriptions = Integer.parseInt(state.getProperty("subscriptions"));
    Workload workload = workload();
    Map<String, Long> totals = new HashMap<>();
    Map<String, Integer> invoiceCounts = new HashMap<>();
    try (Connection db = db();
        PreparedStatement statement =
            db.prepareStatement(
                "SELECT s.external_id, count(i.id), coalesce(sum(i.total_amount_cents), 0)"
                    + " FROM invoicing.subscriptions s"
                    + " LEFT JOIN invoicing.invoice_subscriptions x ON x.subscription_id = s.id"
                    + " LEFT JOIN invoicing.invoices i ON i.id = x.invoice_id AND i.status <> 'voided'"
                    + " WHERE s.organization_id = ?::uuid GROUP BY s.external_id")) {
      statement.setString(1, org);
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          invoiceCounts.put(rs.getString(1), rs.getInt(2));
          totals.put(rs.getString(1), rs.getLong(3));
        }
      }
    }
    long mismatches = 0;
    long expectedSum = 0;
    long billedSum = 0;
    List<String> shown = new ArrayList<>();
    for (int n = 0; n < subscriptions; n++) {
      String external = Workload.externalSubscriptionId(n);
      Map<String, Long> fees = Expected.fees(workload.events(n));
      long expected = Expected.total(fees);
      expectedSum += expected;
      int invoices = invoiceCounts.getOrDefault(external, 0);
      long billed = totals.getOrDefault(external, 0L);
      billedSum += billed;
      if (invoices != 1 || billed != expected) {
        mismatches++;
        if (shown.size() < 5) {
          shown.add(external);
          System.out.printf(
              "BENCH mismatch %s invoices=%d total_amount_cents=%d expected=%d expected_fees=%s%n",
              external, invoices, billed, expected, fees);
        }
      }
    }
    if (!shown.isEmpty()) {
      printBilledFees(org, shown);
    }
    System.out.printf(
        "BENCH checked=%d expected_cents=%d billed_cents=%d mismatches=%d%n",
        subscriptions, expectedSum, billedSum, mismatches);
  }

  private static void printBilledFees(String org, List<String> externals) throws Exception {
    try (Connection db = db();
        PreparedStatement statement =
            db.prepareStatement(
                "SELECT s.external_id, f.fee_type, f.billable_metric_code, f.units, f.events_count,"
                    + " f.amount_cents, f.precise_amount FROM invoicing.fees f"
                    + " JOIN invoicing.subscriptions s ON s.id = f.subscription_id"
                    + " WHERE s.organization_id = ?::uuid AND s.external_id = ANY (?)"
                    + " ORDER BY s.external_id, f.fee_type, f.billable_metric_code")) {
      statement.setString(1, org);
      statement.setArray(2, db.createArrayOf("text", externals.toArray()));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          System.out.printf(
              "BENCH billed_fee %s %s %s units=%s events=%d amount_cents=%d precise=%s%n",
              rs.getString(1),
              rs.getString(2),
              rs.getString(3),
              rs.getBigDecimal(4).toPlainString(),
              rs.getLong(5),
              rs.getLong(6),
              rs.getBigDecimal(7).toPlainString());
        }
      }
    }
  }

  // ---------------------------------------------------------------- helpers

  private static String metric(
      String apiKey, String name, String code, String aggregation, String field) throws Exception {
    Map<String, Object> metric = new HashMap<>();
    metric.put("name", name);
    metric.put("code", code);
    metric.put("aggregation_type", aggregation);
    if (field != null) {
      metric.put("field_name", field);
    }
    Map<?, ?> answer =
        MessageCodec.decode(
            send(
                "POST",
                rating(),
                apiKey,
                "/api/v1/billable_metrics",
                Map.of("billable_metric", metric)),
            Map.class);
    return (String) ((Map<?, ?>) answer.get("billable_metric")).get("lago_id");
  }

  private static Map<String, Object> charge(
      String metricId, String model, Map<String, Object> properties) {
    return Map.of("billable_metric_id", metricId, "charge_model", model, "properties", properties);
  }

  private static List<Map<String, Object>> ranges(
      long[][] bounds, String[] perUnit, String[] flat) {
    List<Map<String, Object>> ranges = new ArrayList<>();
    for (int t = 0; t < bounds.length; t++) {
      Map<String, Object> range = new HashMap<>();
      range.put("from_value", bounds[t][0]);
      range.put("to_value", bounds[t][1] < 0 ? null : bounds[t][1]);
      range.put("per_unit_amount", perUnit[t]);
      range.put("flat_amount", flat[t]);
      ranges.add(range);
    }
    return ranges;
  }

  private static String send(String method, String base, String token, String path, Object body)
      throws Exception {
    HttpResponse<String> response = request(method, base, token, path, body);
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          method + " " + path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static int status(String method, String base, String token, String path, Object body) {
    try {
      return request(method, base, token, path, body).statusCode();
    } catch (Exception e) {
      return -1;
    }
  }

  private static HttpResponse<String> request(
      String method, String base, String token, String path, Object body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + token);
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(MessageCodec.encode(body)));
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static long count(Connection db, String sql, String... params) {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setString(i + 1, params[i]);
      }
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (Exception e) {
      // the schema may not be migrated yet
      return -1;
    }
  }

  private static void await(String what, int seconds, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("not in " + seconds + " s: " + what);
  }

  private static Workload workload() {
    return Workload.of(env("BENCH_EVENTS_PER_METRIC", "5-20"));
  }

  private static int subscriptions() {
    return Integer.parseInt(env("BENCH_SUBSCRIPTIONS", "10000"));
  }

  private static Connection db() throws Exception {
    return DriverManager.getConnection(
        env("BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/billing_benchrun"),
        "postgres",
        "postgres");
  }

  private static String invoicing() {
    return env("BENCH_INVOICING_URL", "http://127.0.0.1:8197");
  }

  private static String rating() {
    return env("BENCH_RATING_URL", "http://127.0.0.1:8196");
  }

  private static String adminToken() {
    return env("BILLING_ADMIN_TOKEN", "bench");
  }

  private static double since(long nanos) {
    return (System.nanoTime() - nanos) / 1e9;
  }

  private static void log(String format, Object... args) {
    System.err.printf("[bench] " + format + "%n", args);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
