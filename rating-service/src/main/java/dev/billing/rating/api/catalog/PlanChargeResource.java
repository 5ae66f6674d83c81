package dev.billing.rating.api.catalog;

import dev.billing.platform.api.PageRequest;
import dev.billing.platform.api.PaginationMeta;
import dev.billing.platform.auth.CurrentOrganization;
import dev.billing.platform.error.ApiException;
import dev.billing.rating.app.RatingErrorCode;
import dev.billing.rating.app.catalog.CatalogQueries;
import dev.billing.rating.app.catalog.MetricRefs;
import dev.billing.rating.app.catalog.UpdatePlan;
import dev.billing.rating.domain.catalog.Charge;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

/** Lago's {@code /api/v1/plans/{code}/charges}: one charge of a plan, addressed by its code. */
@Path("/api/v1/plans/{code}/charges")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PlanChargeResource {

  private final UpdatePlan update;
  private final CatalogQueries queries;
  private final CurrentOrganization current;

  public PlanChargeResource(
      UpdatePlan update, CatalogQueries queries, CurrentOrganization current) {
    this.update = update;
    this.queries = queries;
    this.current = current;
  }

  @POST
  public Uni<ChargeResponse> create(@PathParam("code") String planCode, ChargeRequest request) {
    Map<String, Object> input = ChargeRequest.require(request);
    UUID chargeId = UUID.randomUUID();
    return update
        .update(
            current.id(),
            planCode,
            PlanEdits.references(List.of(input)),
            (plan, metrics, now) -> PlanEdits.addCharge(plan, chargeId, input, metrics, now))
        .map(view -> response(view, chargeOf(view, chargeId)));
  }

  @GET
  public Uni<ChargesResponse> list(
      @PathParam("code") String planCode,
      @QueryParam("page") String page,
      @QueryParam("per_page") String perPage) {
    PageRequest request = PageRequest.of(page, perPage);
    return plan(planCode)
        .map(
            view -> {
              List<Charge> charges = view.plan().charges();
              int from = (int) Math.min(request.offset(), charges.size());
              int to = Math.min(from + request.perPage(), charges.size());
              return new ChargesResponse(
                  charges.subList(from, to).stream()
                      .map(c -> ChargeJson.of(c, view.metricCodes()))
                      .toList(),
                  PaginationMeta.of(request, charges.size()));
            });
  }

  @GET
  @Path("{charge_code}")
  public Uni<ChargeResponse> get(
      @PathParam("code") String planCode, @PathParam("charge_code") String chargeCode) {
    return plan(planCode).map(view -> response(view, PlanEdits.charge(view.plan(), chargeCode)));
  }

  @PUT
  @Path("{charge_code}")
  public Uni<ChargeResponse> update(
      @PathParam("code") String planCode,
      @PathParam("charge_code") String chargeCode,
      ChargeRequest request) {
    Map<String, Object> input = ChargeRequest.require(request);
    AtomicReference<UUID> chargeId = new AtomicReference<>();
    return update
        .update(
            current.id(),
            planCode,
            PlanEdits.references(List.of(input)),
            (plan, metrics, now) -> {
              Charge stored = PlanEdits.charge(plan, chargeCode);
              chargeId.set(stored.id());
              return PlanEdits.updateCharge(plan, stored, input, metrics);
            })
        .map(view -> response(view, chargeOf(view, chargeId.get())));
  }

  @DELETE
  @Path("{charge_code}")
  public Uni<ChargeResponse> delete(
      @PathParam("code") String planCode, @PathParam("charge_code") String chargeCode) {
    AtomicReference<Charge> removed = new AtomicReference<>();
    return update
        .update(
            current.id(),
            planCode,
            new MetricRefs(Set.of(), Set.of()),
            (plan, metrics, now) -> {
              removed.set(PlanEdits.charge(plan, chargeCode));
              return PlanEdits.removeCharge(plan, removed.get());
            })
        .map(view -> response(view, removed.get()));
  }

  private Uni<PlanView> plan(String planCode) {
    return queries
        .findPlan(current.id(), planCode)
        .map(found -> found.orElseThrow(() -> new ApiException(RatingErrorCode.PLAN_NOT_FOUND)));
  }

  private static Charge chargeOf(PlanView view, UUID chargeId) {
    return view.plan().charges().stream()
        .filter(c -> c.id().equals(chargeId))
        .findFirst()
        .orElseThrow();
  }

  private static ChargeResponse response(PlanView view, Charge charge) {
    return new ChargeResponse(ChargeJson.of(charge, view.metricCodes()));
  }
}
