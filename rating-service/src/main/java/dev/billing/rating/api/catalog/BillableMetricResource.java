package dev.billing.rating.api.catalog;

import dev.billing.platform.api.PageRequest;
import dev.billing.platform.api.PaginationMeta;
import dev.billing.platform.auth.CurrentOrganization;
import dev.billing.platform.error.ApiException;
import dev.billing.rating.app.RatingErrorCode;
import dev.billing.rating.app.catalog.CatalogQueries;
import dev.billing.rating.app.catalog.CreateBillableMetric;
import dev.billing.rating.app.catalog.DeleteBillableMetric;
import dev.billing.rating.app.catalog.UpdateBillableMetric;
import dev.billing.rating.domain.catalog.MetricView;
import dev.billing.rating.domain.metric.BillableMetricDefinition;
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
 * Lago's {@code /api/v1/billable_metrics}, addressed by code. Deleting a metric also deletes the
 * charges pricing it, as Lago does.
 */
@Path("/api/v1/billable_metrics")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class BillableMetricResource {

  private final CreateBillableMetric create;
  private final UpdateBillableMetric update;
  private final DeleteBillableMetric delete;
  private final CatalogQueries queries;
  private final CurrentOrganization current;

  public BillableMetricResource(
      CreateBillableMetric create,
      UpdateBillableMetric update,
      DeleteBillableMetric delete,
      CatalogQueries queries,
      CurrentOrganization current) {
    this.create = create;
    this.update = update;
    this.delete = delete;
    this.queries = queries;
    this.current = current;
  }

  @POST
  public Uni<BillableMetricResponse> create(BillableMetricRequest request) {
    Map<String, Object> input = BillableMetricRequest.require(request);
    UUID organizationId = current.id();
    BillableMetricDefinition definition = MetricParams.create(input);
    return create.create(organizationId, definition).map(BillableMetricResource::response);
  }

  @GET
  public Uni<BillableMetricsResponse> list(
      @QueryParam("page") String page, @QueryParam("per_page") String perPage) {
    PageRequest request = PageRequest.of(page, perPage);
    return queries
        .listMetrics(current.id(), request)
        .map(
            found ->
                new BillableMetricsResponse(
                    found.items().stream().map(BillableMetricJson::of).toList(),
                    PaginationMeta.of(request, found.totalCount())));
  }

  @GET
  @Path("{code}")
  public Uni<BillableMetricResponse> get(@PathParam("code") String code) {
    return queries
        .findMetric(current.id(), code)
        .map(
            found ->
                response(
                    found.orElseThrow(
                        () -> new ApiException(RatingErrorCode.BILLABLE_METRIC_NOT_FOUND))));
  }

  @PUT
  @Path("{code}")
  public Uni<BillableMetricResponse> update(
      @PathParam("code") String code, BillableMetricRequest request) {
    Map<String, Object> input = BillableMetricRequest.require(request);
    return update
        .update(current.id(), code, (stored, used) -> MetricParams.update(stored, input, used))
        .map(BillableMetricResource::response);
  }

  @DELETE
  @Path("{code}")
  public Uni<BillableMetricResponse> delete(@PathParam("code") String code) {
    return delete.delete(current.id(), code).map(BillableMetricResource::response);
  }

  private static BillableMetricResponse response(MetricView view) {
    return new BillableMetricResponse(BillableMetricJson.of(view));
  }
}
