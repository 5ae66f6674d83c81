package dev.billing.bench.rating;

import dev.billing.platform.auth.ApiKeys;
import dev.billing.platform.contracts.AcceptedEventMessage;
import dev.billing.platform.contracts.MessageCodec;
import dev.billing.platform.contracts.OrganizationMessage;
import dev.billing.platform.contracts.SubscriptionMessage;
import dev.billing.platform.kafka.KafkaClients;
import dev.billing.platform.kafka.MessageHeaders;
import dev.billing.platform.kafka.Topics;
import java.io.FileReader;
import java.io.FileWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The rating benchmark's steps, each its own process run by bench/rating/run.sh: {@code setup}
 * (organization, catalog, 1,000 subscriptions), {@code preload} (events into
 * billing.events.accepted), {@code await} (until every event is in the aggregates), {@code verify}
 * (aggregates against an independent recount) and {@code latency} (current_usage under load).
 */
public final class RatingBench {

  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

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
      case "preload" -> preload(state, Long.parseLong(args[1]), Long.parseLong(args[2]));
      case "await" -> awaitMetered(state, Long.parseLong(args[1]));
      case "verify" -> verify(state, Long.parseLong(args[1]));
      case "latency" -> latency(state, Integer.parseInt(args[1]), "");
      case "latency-closed" -> latency(state, Integer.parseInt(args[1]), args[2]);
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  private static void setup(Properties state, String stateFile) throws Exception {
    String bootstrap = env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19292");
    UUID org = UUID.randomUUID();
    String apiKey = ApiKeys.generate();
    Instant startedAt = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(KafkaClients.durableProducer(bootstrap, "bench-setup"))) {
      send(
          producer,
          Topics.ORGANIZATIONS,
          org.toString(),
          OrganizationMessage.TYPE,
          new OrganizationMessage(
              org,
              1,
              "Rating bench",
              "UTC",
              "USD",
              "BEN",
              0,
              0,
              null,
              List.of(ApiKeys.hash(apiKey)),
              Instant.now()));
      await(() -> get(apiKey, "/api/v1/billable_metrics").statusCode() == 200);
      Map<String, String> metrics = new HashMap<>();
      metrics.put(
          "api_calls",
          metric(
              apiKey,
              Map.of("name", "API calls", "code", "api_calls", "aggregation_type", "count_agg")));
      metrics.put(
          "tokens",
          metric(
              apiKey,
              Map.of(
                  "name",
                  "Tokens",
                  "code",
                  "tokens",
                  "aggregation_type",
                  "sum_agg",
                  "field_name",
                  "tokens")));
      metrics.put(
          "storage_peak",
          metric(
              apiKey,
              Map.of(
                  "name",
                  "Storage",
                  "code",
                  "storage_peak",
                  "aggregation_type",
                  "max_agg",
                  "field_name",
                  "gb")));
      metrics.put(
          "active_users",
          metric(
              apiKey,
              Map.of(
                  "name",
                  "Users",
                  "code",
                  "active_users",
                  "aggregation_type",
                  "unique_count_agg",
                  "field_name",
                  "user_id")));
      metrics.put(
          "cpu_hours",
          metric(
              apiKey,
              Map.of(
                  "name",
                  "CPU",
                  "code",
                  "cpu_hours",
                  "aggregation_type",
                  "sum_agg",
                  "field_name",
                  "hours")));
      post(
          apiKey,
          "/api/v1/plans",
          Map.of(
              "plan",
              Map.of(
                  "name",
                  "Bench",
                  "code",
                  "bench_plan",
                  "interval",
                  "monthly",
                  "amount_cents",
                  1000,
                  "amount_currency",
                  "USD",
                  "charges",
                  List.of(
                      charge(metrics.get("api_calls"), "standard", Map.of("amount", "0.001")),
                      charge(
                          metrics.get("tokens"),
                          "graduated",
                          Map.of(
                              "graduated_ranges",
                              List.of(
                                  range(0, 1_000_000L, "0.00001"),
                                  range(1_000_001, null, "0.000005")))),
                      charge(
                          metrics.get("storage_peak"),
                          "volume",
                          Map.of(
                              "volume_ranges",
                              List.of(range(0, 100L, "0.10"), range(101, null, "0.08")))),
                      charge(metrics.get("active_users"), "standard", Map.of("amount", "2")),
                      charge(
                          metrics.get("cpu_hours"),
                          "package",
                          Map.of("amount", "1", "package_size", 10, "free_units", 0))))));
      for (int n = 0; n < Workload.SUBSCRIPTIONS; n++) {
        SubscriptionMessage subscription =
            new SubscriptionMessage(
                UUID.randomUUID(),
                org,
                1,
                Workload.externalId(n),
                UUID.randomUUID(),
                "bench-cust-" + n,
                "bench_plan",
                "active",
                "anniversary",
                startedAt,
                startedAt,
                null,
                null,
                "UTC",
                null,
                Instant.now());
        send(
            producer,
            Topics.SUBSCRIPTIONS,
            subscription.subscriptionId().toString(),
            SubscriptionMessage.TYPE,
            subscription);
      }
    }
    String last = Workload.externalId(Workload.SUBSCRIPTIONS - 1);
    await(
        () ->
            get(
                        apiKey,
                        "/api/v1/customers/bench-cust-"
                            + (Workload.SUBSCRIPTIONS - 1)
                            + "/current_usage?external_subscription_id="
                            + last)
                    .statusCode()
                == 200);
    // the service rebuilds each new subscription (re-rating); let it finish before it is stopped,
    // or that setup work would run during the timed metering
    try (Connection db = db()) {
      await(() -> pendingRerates(db) == 0);
    }
    state.setProperty("organization_id", org.toString());
    state.setProperty("api_key", apiKey);
    state.setProperty("event_time", Instant.now().minusSeconds(60).toString());
    state.setProperty("hot_events", env("BENCH_HOT_EVENTS", "1000000"));
    try (FileWriter out = new FileWriter(stateFile)) {
      state.store(out, "rating bench");
    }
    System.out.println("BENCH setup=done organization=" + org);
  }

  private static void preload(Properties state, long from, long to) {
    UUID org = UUID.fromString(state.getProperty("organization_id"));
    long at = Instant.parse(state.getProperty("event_time")).toEpochMilli();
    Workload workload = new Workload(Long.parseLong(state.getProperty("hot_events")));
    Properties p =
        KafkaClients.durableProducer(
            env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:19292"), "bench-preload");
    p.setProperty(ProducerConfig.LINGER_MS_CONFIG, "20");
    p.setProperty(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
    p.setProperty(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
    long started = System.nanoTime();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
      workload.forEach(
          from,
          to,
          e -> {
            String external = Workload.externalId(e.subscription());
            AcceptedEventMessage message =
                new AcceptedEventMessage(
                    org,
                    "http",
                    at,
                    at,
                    new AcceptedEventMessage.Event(
                        "e" + e.index(),
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
          });
      producer.flush();
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    System.out.printf("BENCH preloaded=%d preload_seconds=%.1f%n", to - from, seconds);
  }

  private static void awaitMetered(Properties state, long expected) throws Exception {
    long first = 0;
    long count = 0;
    long start = System.nanoTime();
    try (Connection db = db()) {
      while (count < expected) {
        count = metered(db, state);
        if (count > 0 && first == 0) {
          first = System.nanoTime();
        }
        if (System.nanoTime() - start > 1_800_000_000_000L) {
          throw new IllegalStateException("not metered after 30 minutes: " + count);
        }
        Thread.sleep(250);
      }
    }
    double seconds = (System.nanoTime() - first) / 1e9;
    System.out.printf(
        "BENCH metered=%d metering_seconds=%.1f rated_events_per_s=%d%n",
        count, seconds, Math.round(count / seconds));
  }

  private static long metered(Connection db, Properties state) throws Exception {
    try (var statement =
        db.prepareStatement(
            "SELECT coalesce(sum(events_count), 0) FROM rating.usage_aggregates WHERE organization_id = ?::uuid")) {
      statement.setString(1, state.getProperty("organization_id"));
      try (ResultSet rs = statement.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static void verify(Properties state, long total) throws Exception {
    Recount recount = new Recount();
    new Workload(Long.parseLong(state.getProperty("hot_events"))).forEach(0, total, recount::add);
    Map<String, Recount.Expected> expected = recount.expected();
    Map<String, Recount.Expected> actual = new HashMap<>();
    try (Connection db = db();
        var statement =
            db.prepareStatement(
                "SELECT s.external_id, m.code, m.aggregation_type, sum(a.events_count), sum(a.units), max(a.max_value),"
                    + " (SELECT count(*) FROM rating.usage_unique_values v WHERE v.subscription_id = a.subscription_id"
                    + " AND v.charge_id = a.charge_id AND v.present)"
                    + " FROM rating.usage_aggregates a JOIN rating.subscriptions s ON s.subscription_id = a.subscription_id"
                    + " JOIN rating.charges c ON c.id = a.charge_id JOIN rating.billable_metrics m ON m.id = c.billable_metric_id"
                    + " WHERE a.organization_id = ?::uuid GROUP BY s.external_id, m.code, m.aggregation_type, a.subscription_id, a.charge_id")) {
      statement.setString(1, state.getProperty("organization_id"));
      try (ResultSet rs = statement.executeQuery()) {
        while (rs.next()) {
          String type = rs.getString(3);
          BigDecimal units =
              switch (type) {
                case "max_agg" -> rs.getBigDecimal(6);
                case "unique_count_agg" -> BigDecimal.valueOf(rs.getLong(7));
                default -> rs.getBigDecimal(5);
              };
          actual.put(
              rs.getString(1) + "|" + rs.getString(2), new Recount.Expected(rs.getLong(4), units));
        }
      }
    }
    long mismatches = 0;
    for (Map.Entry<String, Recount.Expected> e : expected.entrySet()) {
      Recount.Expected got = actual.get(e.getKey());
      if (got == null
          || got.events() != e.getValue().events()
          || got.units().compareTo(e.getValue().units()) != 0) {
        if (mismatches < 5) {
          System.out.println(
              "BENCH mismatch " + e.getKey() + " expected=" + e.getValue() + " actual=" + got);
        }
        mismatches++;
      }
    }
    mismatches += actual.keySet().stream().filter(k -> !expected.containsKey(k)).count();
    System.out.println("BENCH checked=" + expected.size() + " mismatches=" + mismatches);
  }

  private static void latency(Properties state, int seconds, String closedLoopLabel)
      throws Exception {
    long meteredBefore;
    try (Connection db = db()) {
      meteredBefore = metered(db, state);
    }
    long windowStart = System.nanoTime();
    UsageLatency clients = new UsageLatency(URI.create(base()), state.getProperty("api_key"));
    UsageLatency.Outcome outcome =
        closedLoopLabel.isEmpty()
            ? clients.atRate(Integer.parseInt(env("BENCH_LATENCY_RATE", "50")), seconds)
            : clients.measure(Integer.parseInt(env("BENCH_LATENCY_THREADS", "4")), seconds);
    Histogram hot = outcome.hot();
    Histogram any = outcome.other();
    long failures = outcome.failures();
    long meteredMeanwhile;
    long meteredAfter;
    try (Connection db = db()) {
      meteredAfter = metered(db, state);
      meteredMeanwhile = meteredAfter - meteredBefore;
    }
    double windowSeconds = (System.nanoTime() - windowStart) / 1e9;
    if (!closedLoopLabel.isEmpty()) {
      System.out.printf(
          "BENCH %s clients=%s metered_per_s=%d hot_requests=%d hot_p50_ms=%.2f hot_p99_ms=%.2f"
              + " other_p99_ms=%.2f failures=%d%n",
          closedLoopLabel,
          env("BENCH_LATENCY_THREADS", "4"),
          (long) (meteredMeanwhile / windowSeconds),
          hot.getTotalCount(),
          hot.getValueAtPercentile(50) / 1000.0,
          hot.getValueAtPercentile(99) / 1000.0,
          any.getValueAtPercentile(99) / 1000.0,
          failures);
      return;
    }
    // what answering requests first costs the metering of the second wave; a backlog of 0 after
    // the window means it ran out before the window ended, so part of it was measured quiet
    long backlogAfter = Long.parseLong(env("BENCH_EXPECTED_EVENTS", "0")) - meteredAfter;
    System.out.printf(
        "BENCH metered_during_latency_per_s=%d current_usage_rate_per_s=%s backlog_after=%d%n",
        (long) (meteredMeanwhile / windowSeconds),
        env("BENCH_LATENCY_RATE", "50"),
        Math.max(0, backlogAfter));
    System.out.printf(
        "BENCH current_usage_hot_requests=%d current_usage_hot_p50_ms=%.2f current_usage_p99_ms=%.2f"
            + " current_usage_other_p99_ms=%.2f current_usage_failures=%d%n",
        hot.getTotalCount(),
        hot.getValueAtPercentile(50) / 1000.0,
        hot.getValueAtPercentile(99) / 1000.0,
        any.getValueAtPercentile(99) / 1000.0,
        failures);
  }

  private static Map<String, Object> charge(
      String metricId, String model, Map<String, Object> properties) {
    return Map.of("billable_metric_id", metricId, "charge_model", model, "properties", properties);
  }

  private static Map<String, Object> range(long from, Long to, String perUnit) {
    Map<String, Object> range = new HashMap<>();
    range.put("from_value", from);
    range.put("to_value", to);
    range.put("per_unit_amount", perUnit);
    range.put("flat_amount", "0");
    return range;
  }

  private static String metric(String apiKey, Map<String, Object> metric) throws Exception {
    String body = post(apiKey, "/api/v1/billable_metrics", Map.of("billable_metric", metric));
    Map<?, ?> answer = MessageCodec.decode(body, Map.class);
    return (String) ((Map<?, ?>) answer.get("billable_metric")).get("lago_id");
  }

  private static String post(String apiKey, String path, Object body) throws Exception {
    HttpResponse<String> response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(base() + path))
                .header("Authorization", "Bearer " + apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(MessageCodec.encode(body)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          path + " answered " + response.statusCode() + ": " + response.body());
    }
    return response.body();
  }

  private static HttpResponse<String> get(String apiKey, String path) {
    try {
      return HTTP.send(
          HttpRequest.newBuilder(URI.create(base() + path))
              .header("Authorization", "Bearer " + apiKey)
              .GET()
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static void send(
      KafkaProducer<String, String> producer, String topic, String key, String type, Object message)
      throws Exception {
    ProducerRecord<String, String> record =
        new ProducerRecord<>(topic, key, MessageCodec.encode(message));
    MessageHeaders.put(record.headers(), MessageHeaders.ID, UUID.randomUUID().toString());
    MessageHeaders.put(record.headers(), MessageHeaders.TYPE, type);
    producer.send(record).get();
  }

  private static void await(java.util.function.BooleanSupplier condition)
      throws InterruptedException {
    for (int i = 0; i < 600; i++) {
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("condition not met in 60 s");
  }

  private static long pendingRerates(Connection db) {
    try (var rows =
        db.createStatement()
            .executeQuery("SELECT count(*) FROM rating.rerate_requests WHERE done_at IS NULL")) {
      rows.next();
      return rows.getLong(1);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Connection db() throws Exception {
    return DriverManager.getConnection(
        env("BENCH_JDBC_URL", "jdbc:postgresql://127.0.0.1:5432/billing_bench"),
        "postgres",
        "postgres");
  }

  private static String base() {
    return env("BENCH_BASE_URL", "http://127.0.0.1:8095");
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
