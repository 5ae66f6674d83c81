package dev.billing.ingest.api;

import dev.billing.ingest.app.AcceptEvents;
import dev.billing.ingest.app.IngestMetrics;
import dev.billing.ingest.config.IngestConfig;
import dev.billing.ingest.domain.event.EventLimits;
import dev.billing.ingest.domain.event.EventReader;
import dev.billing.ingest.domain.event.ParsedEvent;
import dev.billing.ingest.domain.ratelimit.RateLimiter;
import dev.billing.platform.auth.CurrentOrganization;
import dev.billing.platform.error.ApiError;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.PlatformErrorCode;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Lago's {@code POST /api/v1/events} and {@code POST /api/v1/events/batch}: validate, write to
 * {@code billing.events.accepted}, and answer 200 only once Kafka acknowledged every event.
 */
@Path("/api/v1/events")
@Consumes(MediaType.WILDCARD)
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

  private final EventRequestReader reader;
  private final AcceptEvents acceptEvents;
  private final CurrentOrganization organization;
  private final RateLimiter rateLimiter;
  private final IngestMetrics metrics;
  private final Clock clock;

  public EventsResource(
      IngestConfig config,
      AcceptEvents acceptEvents,
      CurrentOrganization organization,
      IngestMetrics metrics,
      Clock clock) {
    EventLimits limits =
        new EventLimits(config.maxIdLength(), config.maxPropertyLength(), config.maxProperties());
    this.reader = new EventRequestReader(new EventReader(limits), config.batchMaxSize());
    this.acceptEvents = acceptEvents;
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
    return acceptEvents
        .accept(org, List.of(event), receivedAt)
        .map(v -> answer(EventResponseWriter.single(org, event, receivedAt), started));
  }

  @POST
  @Path("/batch")
  public Uni<Response> createBatch(byte[] body) {
    long started = System.nanoTime();
    UUID org = admit();
    long receivedAt = clock.millis();
    List<ParsedEvent> events = reader.batch(body);
    return acceptEvents
        .accept(org, events, receivedAt)
        .map(v -> answer(EventResponseWriter.batch(org, events, receivedAt), started));
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

  private Response answer(byte[] json, long started) {
    metrics.latency(started);
    return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).build();
  }
}
