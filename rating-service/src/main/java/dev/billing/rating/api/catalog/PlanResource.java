package dev.billing.rating.api.catalog;

import dev.billing.platform.api.PageRequest;
import dev.billing.platform.api.PaginationMeta;
import dev.billing.platform.auth.CurrentOrganization;
import dev.billing.platform.error.ApiException;
import dev.billing.rating.app.RatingErrorCode;
import dev.billing.rating.app.catalog.CatalogQueries;
import dev.billing.rating.app.catalog.CreatePlan;
import dev.billing.rating.app.catalog.DeletePlan;
import dev.billing.rating.app.catalog.UpdatePlan;
import dev.billing.rating.domain.catalog.PlanView;
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
import java.util.Map;
import java.util.UUID;

/**
 * Lago's {@code /api/v1/plans}, addressed by code, with their charges. A PUT with {@code charges}
 * replaces them; DELETE is soft and answers the plan with {@code pending_deletion: true}.
 */
@Path("/api/v1/plans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlanResource {

  private final CreatePlan create;
  private final UpdatePlan update;
  private final DeletePlan delete;
  private final CatalogQueries queries;
  private final CurrentOrganization current;

  public PlanResource(
      CreatePlan create,
      UpdatePlan update,
      DeletePlan delete,
      CatalogQueries queries,
      CurrentOrganization current) {
    this.create = create;
    this.update = update;
    this.delete = delete;
    this.queries = queries;
    this.current = current;
  }

  @POST
  public Uni<PlanResponse> create(PlanRequest request) {
    Map<String, Object> input = PlanRequest.require(request);
    UUID organizationId = current.id();
    return create
        .create(
            organizationId,
            PlanEdits.references(input.get("charges")),
            (metrics, now) -> PlanEdits.create(organizationId, input, metrics, now))
        .map(PlanResource::response);
  }

  @GET
  public Uni<PlansResponse> list(
      @QueryParam("page") String page, @QueryParam("per_page") String perPage) {
    PageRequest request = PageRequest.of(page, perPage);
    return queries
        .listPlans(current.id(), request)
        .map(
            found ->
                new PlansResponse(
                    found.items().stream().map(PlanJson::of).toList(),
                    PaginationMeta.of(request, found.totalCount())));
  }

  @GET
  @Path("{code}")
  public Uni<PlanResponse> get(@PathParam("code") String code) {
    return queries
        .findPlan(current.id(), code)
        .map(
            found ->
                response(
                    found.orElseThrow(() -> new ApiException(RatingErrorCode.PLAN_NOT_FOUND))));
  }

  @PUT
  @Path("{code}")
  public Uni<PlanResponse> update(@PathParam("code") String code, PlanRequest request) {
    Map<String, Object> input = PlanRequest.require(request);
    return update
        .update(
            current.id(),
            code,
            PlanEdits.references(input.get("charges")),
            (plan, metrics, now) -> PlanEdits.update(plan, input, metrics, now))
        .map(PlanResource::response);
  }

  @DELETE
  @Path("{code}")
  public Uni<PlanResponse> delete(@PathParam("code") String code) {
    return delete.delete(current.id(), code).map(PlanResource::response);
  }

  private static PlanResponse response(PlanView view) {
    return new PlanResponse(PlanJson.of(view));
  }
}
