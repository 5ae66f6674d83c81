package dev.billing.invoicing.api.operator;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.billing.invoicing.app.webhook.ReplayWebhook;
import dev.billing.invoicing.domain.ErrorCode;
import dev.billing.invoicing.domain.webhook.DeliveryStatus;
import dev.billing.invoicing.messaging.webhook.WebhookDispatcher;
import dev.billing.invoicing.persistence.webhook.WebhookDeliveryRepository;
import dev.billing.platform.api.PageRequest;
import dev.billing.platform.api.PaginationMeta;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.ValidationErrors;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;

/**
 * Operator API for webhook deliveries: the log (every organization, filtered) and replay, which
 * makes a delivery due now for one more attempt, whatever its status.
 */
@Path("/admin/v1/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OperatorWebhookResource {

  private final Pool pool;
  private final WebhookDeliveryRepository deliveries;
  private final WebhookDispatcher dispatcher;
  private final ObjectMapper json;
  private final ReplayWebhook replayWebhook;

  public OperatorWebhookResource(
      Pool pool,
      WebhookDeliveryRepository deliveries,
      WebhookDispatcher dispatcher,
      ObjectMapper json,
      ReplayWebhook replayWebhook) {
    this.pool = pool;
    this.deliveries = deliveries;
    this.dispatcher = dispatcher;
    this.json = json;
    this.replayWebhook = replayWebhook;
  }

  /**
   * @param webhooks one page, newest first
   * @param meta Lago's pagination
   */
  public record ListResponse(List<WebhookDeliveryJson> webhooks, PaginationMeta meta) {}

  @GET
  public Uni<ListResponse> list(
      @QueryParam("organization_id") String organizationId,
      @QueryParam("status") String status,
      @QueryParam("webhook_type") String webhookType,
      @QueryParam("page") String page,
      @QueryParam("per_page") String perPage) {
    ValidationErrors errors = new ValidationErrors();
    UUID organization = null;
    if (organizationId != null && !organizationId.isBlank()) {
      try {
        organization = UUID.fromString(organizationId.trim());
      } catch (IllegalArgumentException e) {
        errors.add("organization_id", ErrorCode.VALUE_IS_INVALID.code());
      }
    }
    DeliveryStatus statusFilter = null;
    if (status != null && !status.isBlank()) {
      statusFilter = DeliveryStatus.fromCode(status.trim()).orElse(null);
      if (statusFilter == null) {
        errors.add("status", ErrorCode.VALUE_IS_INVALID.code());
      }
    }
    errors.throwIfAny();
    PageRequest request = PageRequest.of(page, perPage);
    var filter =
        new WebhookDeliveryRepository.Filter(
            organization,
            statusFilter,
            webhookType == null || webhookType.isBlank() ? null : webhookType.trim());
    return deliveries
        .count(pool, filter)
        .flatMap(
            total ->
                deliveries
                    .list(pool, filter, request.perPage(), request.offset())
                    .map(
                        list ->
                            new ListResponse(
                                list.stream().map(d -> WebhookDeliveryJson.of(d, json)).toList(),
                                PaginationMeta.of(request, total))));
  }

  @GET
  @Path("/{id}")
  public Uni<WebhookDeliveryJson.Response> get(@PathParam("id") String id) {
    return deliveries
        .find(pool, parseId(id))
        .map(found -> found.orElseThrow(() -> ApiException.notFound("webhook")))
        .map(d -> new WebhookDeliveryJson.Response(WebhookDeliveryJson.of(d, json)));
  }

  /** Due now, one more attempt; answers with the delivery as it is before that attempt. */
  @POST
  @Path("/{id}/replay")
  public Uni<WebhookDeliveryJson.Response> replay(@PathParam("id") String id) {
    return replayWebhook
        .apply(parseId(id))
        .invoke(() -> dispatcher.poll().subscribe().with(ignored -> {}, e -> {}))
        .map(d -> new WebhookDeliveryJson.Response(WebhookDeliveryJson.of(d, json)));
  }

  private static UUID parseId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("webhook");
    }
  }
}
