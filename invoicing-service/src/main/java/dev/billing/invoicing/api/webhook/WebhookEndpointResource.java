package dev.billing.invoicing.api.webhook;

import dev.billing.invoicing.app.webhook.WebhookEndpointStore;
import dev.billing.invoicing.domain.webhook.SignatureAlgorithm;
import dev.billing.invoicing.domain.webhook.WebhookEndpoint;
import dev.billing.invoicing.domain.webhook.WebhookEndpointRules;
import dev.billing.platform.api.PageRequest;
import dev.billing.platform.api.PaginationMeta;
import dev.billing.platform.auth.CurrentOrganization;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.ValidationErrors;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Lago's {@code /api/v1/webhook_endpoints}: the key's organization's endpoints only. */
@Path("/api/v1/webhook_endpoints")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhookEndpointResource {

  private final WebhookEndpointStore store;
  private final CurrentOrganization current;
  private final Clock clock;

  public WebhookEndpointResource(
      WebhookEndpointStore store, CurrentOrganization current, Clock clock) {
    this.store = store;
    this.current = current;
    this.clock = clock;
  }

  /**
   * @param webhookEndpoints one page
   * @param meta Lago's pagination
   */
  public record ListResponse(List<WebhookEndpointJson> webhookEndpoints, PaginationMeta meta) {}

  @POST
  public Uni<WebhookEndpointJson.Response> create(WebhookEndpointRequest request) {
    WebhookEndpointRequest.Input input = input(request);
    ValidationErrors errors =
        WebhookEndpointRules.validate(input.webhookUrl(), input.signatureAlgo(), null);
    String name = input.nameValue(errors);
    List<String> eventTypes = validEventTypes(input, errors);
    errors.throwIfAny();
    Instant now = clock.instant();
    WebhookEndpoint endpoint =
        new WebhookEndpoint(
            UUID.randomUUID(),
            current.id(),
            input.webhookUrl().trim(),
            input.signatureAlgo() == null
                ? SignatureAlgorithm.JWT
                : SignatureAlgorithm.fromCode(input.signatureAlgo()).orElseThrow(),
            name,
            eventTypes,
            now,
            now);
    return store.create(endpoint).map(WebhookEndpointResource::response);
  }

  @GET
  public Uni<ListResponse> list(
      @QueryParam("page") String page, @QueryParam("per_page") String perPage) {
    PageRequest request = PageRequest.of(page, perPage);
    UUID org = current.id();
    return store
        .count(org)
        .flatMap(
            total ->
                store
                    .list(org, request.perPage(), request.offset())
                    .map(
                        list ->
                            new ListResponse(
                                list.stream().map(WebhookEndpointJson::of).toList(),
                                PaginationMeta.of(request, total))));
  }

  @GET
  @Path("/{lago_id}")
  public Uni<WebhookEndpointJson.Response> get(@PathParam("lago_id") String id) {
    return store
        .find(current.id(), parseId(id))
        .map(found -> found.orElseThrow(() -> ApiException.notFound("webhook_endpoint")))
        .map(WebhookEndpointResource::response);
  }

  /** Sets the URL and, when given, the algorithm, name and types; absent fields stay. */
  @PUT
  @Path("/{lago_id}")
  public Uni<WebhookEndpointJson.Response> update(
      @PathParam("lago_id") String id, WebhookEndpointRequest request) {
    UUID endpointId = parseId(id);
    WebhookEndpointRequest.Input input = input(request);
    ValidationErrors errors =
        WebhookEndpointRules.validate(input.webhookUrl(), input.signatureAlgo(), null);
    String name = input.nameValue(errors);
    List<String> eventTypes = validEventTypes(input, errors);
    errors.throwIfAny();
    Instant now = clock.instant();
    return store
        .update(
            current.id(),
            endpointId,
            e ->
                new WebhookEndpoint(
                    e.id(),
                    e.organizationId(),
                    input.webhookUrl().trim(),
                    input.signatureAlgo() == null
                        ? e.signatureAlgo()
                        : SignatureAlgorithm.fromCode(input.signatureAlgo()).orElseThrow(),
                    input.hasName() ? name : e.name(),
                    input.hasEventTypes() ? eventTypes : e.eventTypes(),
                    e.createdAt(),
                    now))
        .map(WebhookEndpointResource::response);
  }

  @DELETE
  @Path("/{lago_id}")
  public Uni<WebhookEndpointJson.Response> delete(@PathParam("lago_id") String id) {
    return store.delete(current.id(), parseId(id)).map(WebhookEndpointResource::response);
  }

  private static WebhookEndpointRequest.Input input(WebhookEndpointRequest request) {
    if (request == null || request.webhookEndpoint() == null) {
      throw ApiException.missingRootKey("webhook_endpoint");
    }
    return request.webhookEndpoint();
  }

  private static List<String> validEventTypes(
      WebhookEndpointRequest.Input input, ValidationErrors errors) {
    List<String> types = input.eventTypesValue(errors);
    if (!errors.has("event_types")) {
      WebhookEndpointRules.validateEventTypes(types, errors);
    }
    return types;
  }

  private static WebhookEndpointJson.Response response(WebhookEndpoint e) {
    return new WebhookEndpointJson.Response(WebhookEndpointJson.of(e));
  }

  private static UUID parseId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("webhook_endpoint");
    }
  }
}
