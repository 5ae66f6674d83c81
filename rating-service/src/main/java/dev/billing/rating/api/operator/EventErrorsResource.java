package dev.billing.rating.api.operator;

import dev.billing.platform.api.PageRequest;
import dev.billing.platform.api.PaginationMeta;
import dev.billing.platform.error.ValidationErrors;
import dev.billing.rating.app.ledger.LedgerQueries;
import dev.billing.rating.persistence.EventErrorRepository.EventError;
import dev.billing.rating.persistence.EventErrorRepository.Filter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/**
 * Operator API: events kept in the ledger that metering could not bill as sent (Lago's
 * events.errors reasons), by organization, reason and subscription, newest first.
 */
@Path("/admin/v1/event_errors")
@Produces(MediaType.APPLICATION_JSON)
public class EventErrorsResource {

  /**
   * @param organizationId the tenant
   * @param externalSubscriptionId the subscription the event named
   * @param transactionId the client's id
   * @param code the metric code it carried
   * @param error the reason
   * @param timestamp the event time
   * @param createdAt when it was reported
   */
  public record EventErrorJson(
      String organizationId,
      String externalSubscriptionId,
      String transactionId,
      String code,
      String error,
      String timestamp,
      String createdAt) {

    static EventErrorJson of(EventError e) {
      return new EventErrorJson(
          e.organizationId().toString(),
          e.externalSubscriptionId(),
          e.transactionId(),
          e.code(),
          e.error(),
          e.timestamp().toString(),
          e.createdAt().toString());
    }
  }

  /**
   * @param eventErrors one page
   * @param meta Lago's pagination
   */
  public record ListResponse(List<EventErrorJson> eventErrors, PaginationMeta meta) {}

  private final LedgerQueries ledger;

  public EventErrorsResource(LedgerQueries ledger) {
    this.ledger = ledger;
  }

  @GET
  public Uni<ListResponse> list(
      @QueryParam("organization_id") String organizationId,
      @QueryParam("error") String error,
      @QueryParam("external_subscription_id") String externalSubscriptionId,
      @QueryParam("page") String page,
      @QueryParam("per_page") String perPage) {
    PageRequest request = PageRequest.of(page, perPage);
    Filter filter = new Filter(uuid(organizationId), error, externalSubscriptionId);
    return ledger
        .eventErrors(filter, request)
        .map(
            found ->
                new ListResponse(
                    found.items().stream().map(EventErrorJson::of).toList(),
                    PaginationMeta.of(request, found.totalCount())));
  }

  private static UUID uuid(String value) {
    if (value == null) {
      return null;
    }
    try {
      return UUID.fromString(value);
    } catch (IllegalArgumentException e) {
      throw ValidationErrors.single("organization_id", "value_is_invalid");
    }
  }
}
