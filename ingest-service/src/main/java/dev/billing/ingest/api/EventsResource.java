package dev.billing.ingest.api;

import dev.billing.ingest.config.IngestConfig;
import dev.billing.ingest.domain.event.EventLimits;
import dev.billing.ingest.domain.event.EventReader;
import dev.billing.ingest.domain.event.ParsedEvent;
import dev.billing.ingest.domain.ratelimit.RateLimiter;
import dev.billing.ingest.messaging.AcceptedEventEncoder;
import dev.billing.ingest.messaging.AcceptedEventPublisher;
import dev.billing.ingest.metrics.IngestMetrics;
import dev.billing.platform.auth.CurrentOrganization;
import dev.billing.platform.contracts.AcceptedEventMessage;
import dev.billing.platform.error.ApiError;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.PlatformErrorCode;
import dev.billing.platform.kafka.Topics;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Lago's {@code POST /api/v1/events} and {@code POST /api/v1/events/batch}: validate, write to
 * {@code billing.events.accepted}, and answer 200 only once Kafka acknowledged every event.
 */
@Path("/api/v1/events")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

  static final String SOURCE = "http";

  private final EventRequestReader reader;
  private final AcceptedEventPublisher publisher;
  private final CurrentOrganization organization;
  private final RateLimiter rateLimiter;
  private final IngestMetrics metrics;
  private final Clock clock;

  public EventsResource(
      IngestConfig config,
      AcceptedEventPublisher publisher,
      CurrentOrganization organization,
      IngestMetrics metrics,
      Clock clock) {
    EventLimits limits =
        new EventLimits(config.maxIdLength(), config.maxPropertyLength(), config.maxProperties());
    this.reader = new EventRequestReader(new EventReader(limits), config.batchMaxSize());
    this.publisher = publisher;
    this.organization = organization;
    this.rateLimiter =
        config.rateLimit().enabled()
            ? new RateLimiter(config.rateLimit().requestsPerSecond())
            : null;
    this.metrics = metrics;
    this.clock = clock;
  }

  @POST
  public Uni<Response> create(byte[] body) {
    long started = System.nanoTime();
    UUID org = admit();
    long receivedAt = clock.millis();
    ParsedEvent event = reader.single(body);
    return publish(org, List.of(event), receivedAt)
        .map(v -> answer(EventResponseWriter.single(org, event, receivedAt), 1, started));
  }

  @POST
  @Path("/batch")
  public Uni<Response> createBatch(byte[] body) {
    long started = System.nanoTime();
    UUID org = admit();
    long receivedAt = clock.millis();
    List<ParsedEvent> events = reader.batch(body);
    return publish(org, events, receivedAt)
        .map(
            v ->
                answer(EventResponseWriter.batch(org, events, receivedAt), events.size(), started));
  }

  private UUID admit() {
    UUID org = organization.id();
    if (rateLimiter != null) {
      RateLimiter.Decision decision = rateLimiter.acquire(org, clock.millis());
      if (!decision.allowed()) {
        throw new ApiException(
            ApiError.of(PlatformErrorCode.TOO_MANY_REQUESTS, null),
            Map.of(
                "X-RateLimit-Limit", String.valueOf(decision.limit()),
                "X-RateLimit-Remaining", String.valueOf(decision.remaining()),
                "X-RateLimit-Reset", String.valueOf(decision.resetEpochSecond())));
      }
    }
    return org;
  }

  private Uni<Void> publish(UUID org, List<ParsedEvent> events, long receivedAt) {
    List<ProducerRecord<String, byte[]>> records = new ArrayList<>(events.size());
    for (ParsedEvent event : events) {
      records.add(
          new ProducerRecord<>(
              Topics.EVENTS_ACCEPTED,
              AcceptedEventMessage.key(org, event.externalSubscriptionId()),
              AcceptedEventEncoder.encode(org, SOURCE, receivedAt, event)));
    }
    return publisher.publish(records);
  }

  private Response answer(byte[] json, int events, long started) {
    metrics.accepted(SOURCE, events);
    metrics.latency(started);
    return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
  }
}
