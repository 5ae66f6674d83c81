package dev.billing.ingest.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

/** Counters of accepted and rejected events and the latency of ingest requests. */
@ApplicationScoped
public class IngestMetrics {

  private final MeterRegistry registry;
  private final Counter acceptedHttp;
  private final Counter acceptedKafka;
  private final Timer latency;

  public IngestMetrics(MeterRegistry registry) {
    this.registry = registry;
    this.acceptedHttp = accepted("http");
    this.acceptedKafka = accepted("kafka");
    this.latency =
        Timer.builder("ingest.request.latency")
            .description("time from request received to answer, HTTP events endpoints")
            .publishPercentiles(0.5, 0.99)
            .register(registry);
  }

  public void accepted(String source, int events) {
    ("kafka".equals(source) ? acceptedKafka : acceptedHttp).increment(events);
  }

  public void rejected(String source, String reason, int events) {
    Counter.builder("ingest.events.rejected")
        .tag("source", source)
        .tag("reason", reason)
        .register(registry)
        .increment(events);
  }

  public void latency(long startNanos) {
    latency.record(System.nanoTime() - startNanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  private Counter accepted(String source) {
    return Counter.builder("ingest.events.accepted")
        .description("events durably written to billing.events.accepted")
        .tag("source", source)
        .register(registry);
  }
}
