package dev.billing.bench.ingest;

import dev.billing.platform.auth.ApiKeys;
import dev.billing.platform.contracts.MessageCodec;
import dev.billing.platform.contracts.OrganizationMessage;
import dev.billing.platform.kafka.KafkaClients;
import dev.billing.platform.kafka.MessageHeaders;
import dev.billing.platform.kafka.Topics;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.HdrHistogram.Histogram;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * The ingest benchmark's load side, in its own process: makes an organization (through {@code
 * billing.organizations}, as invoicing-service would), warms up, saturates {@code POST
 * /api/v1/events/batch} for the measured duration, runs at half that rate to read the latency, and
 * counts what reached {@code billing.events.accepted}. Prints {@code BENCH key=value} lines.
 */
public final class IngestBench {

  public static void main(String[] args) throws Exception {
    String host = env("BENCH_HOST", "127.0.0.1");
    int port = Integer.parseInt(env("BENCH_PORT", "8091"));
    String bootstrap = env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
    int connections = Integer.parseInt(env("BENCH_CONNECTIONS", "64"));
    int batch = Integer.parseInt(env("BENCH_BATCH", "100"));
    long warmupMs = Long.parseLong(env("BENCH_WARMUP_S", "30")) * 1000;
    long durationMs = Long.parseLong(env("BENCH_DURATION_S", "60")) * 1000;
    long halfMs = Long.parseLong(env("BENCH_HALF_S", "30")) * 1000;

    UUID org = UUID.randomUUID();
    String apiKey = ApiKeys.generate();
    publishOrganization(bootstrap, org, apiKey);
    awaitAuthenticated(host, port, apiKey);
    Map<TopicPartition, Long> before = TopicCount.endOffsets(bootstrap, Topics.EVENTS_ACCEPTED);

    String runId = Long.toString(System.currentTimeMillis(), 36);
    BatchTemplate[] templates = new BatchTemplate[connections];
    for (int i = 0; i < connections; i++) {
      templates[i] = new BatchTemplate(runId, i, batch, 1000);
    }
    Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1));
    LoadRun load = new LoadRun(vertx, host, port, connections, apiKey, templates);

    LoadRun.Outcome warm = load.saturate(connections, warmupMs);
    print("warmup_events_per_s", Math.round(warm.eventsPerSecond()));
    CpuTime cpu = CpuTime.start();
    LoadRun.Outcome full = load.saturate(connections, durationMs);
    cpu.report(full.seconds());
    print("events_per_s", Math.round(full.eventsPerSecond()));
    print("saturation_failed_requests", full.failedRequests());
    print("saturation_p99_ms", full.latency().getValueAtPercentile(99) / 1000.0);
    // the target's half load: half of 100,000 events/s, whatever the saturation reached
    double targetHalf = Double.parseDouble(env("BENCH_HALF_TARGET_EVENTS_PER_S", "50000"));
    LoadRun.Outcome half = load.fixedRate(targetHalf / batch, halfMs);
    report("half_load", half);
    // and half of what this run reached, the stricter reading
    LoadRun.Outcome halfMeasured = load.fixedRate(full.eventsPerSecond() / 2 / batch, halfMs);
    report("half_measured_load", halfMeasured);
    load.close();
    vertx.close();

    long acknowledged =
        warm.okEvents() + full.okEvents() + half.okEvents() + halfMeasured.okEvents();
    TopicCount.Found found = TopicCount.count(bootstrap, Topics.EVENTS_ACCEPTED, before, org + ":");
    print("acknowledged_events", acknowledged);
    print("events_in_topic", found.records());
    print("lost", Math.max(0, acknowledged - found.records()));
    print("record_bytes", found.records() == 0 ? 0 : found.valueBytes() / found.records());
    print("request_bytes", templates[0].size());
    System.exit(0);
  }

  private static void publishOrganization(String bootstrap, UUID org, String apiKey)
      throws Exception {
    OrganizationMessage message =
        new OrganizationMessage(
            org,
            1,
            "Bench " + org,
            "UTC",
            "USD",
            "BEN",
            0,
            0,
            null,
            List.of(ApiKeys.hash(apiKey)),
            Instant.now());
    try (KafkaProducer<String, String> producer =
        new KafkaProducer<>(KafkaClients.durableProducer(bootstrap, "bench-organizations"))) {
      ProducerRecord<String, String> record =
          new ProducerRecord<>(Topics.ORGANIZATIONS, org.toString(), MessageCodec.encode(message));
      MessageHeaders.put(record.headers(), MessageHeaders.ID, UUID.randomUUID().toString());
      MessageHeaders.put(record.headers(), MessageHeaders.TYPE, OrganizationMessage.TYPE);
      producer.send(record).get();
    }
  }

  private static void awaitAuthenticated(String host, int port, String apiKey) throws Exception {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest probe =
        HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/api/v1/events"))
            .header("Authorization", "Bearer " + apiKey)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{}"))
            .build();
    for (int i = 0; i < 300; i++) {
      if (http.send(probe, HttpResponse.BodyHandlers.discarding()).statusCode() != 401) {
        return;
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the bench organization never authenticated");
  }

  private static void report(String phase, LoadRun.Outcome outcome) {
    Histogram latency = outcome.latency();
    print(phase + "_events_per_s", Math.round(outcome.eventsPerSecond()));
    print(phase + "_p50_ms", latency.getValueAtPercentile(50) / 1000.0);
    print(phase + "_p99_ms", latency.getValueAtPercentile(99) / 1000.0);
    print(phase + "_max_ms", latency.getMaxValue() / 1000.0);
    print(phase + "_failed_requests", outcome.failedRequests());
  }

  private static void print(String key, Object value) {
    System.out.println("BENCH " + key + "=" + value);
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
