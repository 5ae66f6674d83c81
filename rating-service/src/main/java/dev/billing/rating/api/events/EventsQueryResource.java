package dev.billing.rating.api.events;

import dev.billing.platform.api.PageRequest;
import dev.billing.platform.api.PaginationMeta;
import dev.billing.platform.auth.CurrentOrganization;
import dev.billing.platform.error.ValidationErrors;
import dev.billing.rating.app.ledger.LedgerQueries;
import dev.billing.rating.persistence.EventQueryRepository.EventFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/** Lago's {@code GET /api/v1/events} and {@code GET /api/v1/events/{transaction_id}}. */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
public class EventsQueryResource {

  /**
   * @param event the event
   */
  public record EventResponse(EventJson event) {}

  /**
   * @param events one page, newest first
   * @param meta Lago's pagination
   */
  public record EventsResponse(List<EventJson> events, PaginationMeta meta) {}

  private final CurrentOrganization organization;
  private final LedgerQueries ledger;

  public EventsQueryResource(CurrentOrganization organization, LedgerQueries ledger) {
    this.organization = organization;
    this.ledger = ledger;
  }

  @GET
  @Path("/{transactionId}")
  public Uni<EventResponse> get(@PathParam("transactionId") String transactionId) {
    return ledger
        .event(organization.id(), transactionId)
        .map(stored -> new EventResponse(EventJson.of(stored)));
  }

  @GET
  public Uni<EventsResponse> list(
      @QueryParam("code") String code,
      @QueryParam("external_subscription_id") String externalSubscriptionId,
      @QueryParam("timestamp_from") String timestampFrom,
      @QueryParam("timestamp_to") String timestampTo,
      @QueryParam("page") String page,
      @QueryParam("per_page") String perPage) {
    PageRequest request = PageRequest.of(page, perPage);
    ValidationErrors errors = new ValidationErrors();
    Instant from = errors.instant("timestamp_from", timestampFrom);
    Instant to = errors.instant("timestamp_to", timestampTo);
    errors.throwIfAny();
    EventFilter filter = new EventFilter(organization.id(), code, externalSubscriptionId, from, to);
    return ledger
        .events(filter, request)
        .map(
            found ->
                new EventsResponse(
                    found.items().stream().map(EventJson::of).toList(),
                    PaginationMeta.of(request, found.totalCount())));
  }
}
