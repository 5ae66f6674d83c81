package dev.billing.invoicing.api.invoice;

import dev.billing.invoicing.api.invoice.InvoiceJson.FeeJson;
import dev.billing.invoicing.domain.ErrorCode;
import dev.billing.invoicing.persistence.FeeViewRepository;
import dev.billing.invoicing.persistence.FeeViewRepository.FeeFilter;
import dev.billing.invoicing.persistence.FeeViewRepository.FeeView;
import dev.billing.platform.api.PageRequest;
import dev.billing.platform.api.PaginationMeta;
import dev.billing.platform.auth.CurrentOrganization;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.ValidationErrors;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Lago's {@code GET /api/v1/fees} and {@code GET /api/v1/fees/{lago_id}}. */
@Path("/api/v1/fees")
@Produces(MediaType.APPLICATION_JSON)
public class FeeResource {

  private static final Set<String> TYPES = Set.of("subscription", "charge", "add_on", "commitment");

  /**
   * @param fee the fee
   */
  public record FeeResponse(FeeJson fee) {}

  /**
   * @param fees one page, newest first
   * @param meta Lago's pagination
   */
  public record FeesResponse(List<FeeJson> fees, PaginationMeta meta) {}

  private final CurrentOrganization organization;
  private final FeeViewRepository invoices;
  private final Pool pool;

  public FeeResource(CurrentOrganization organization, FeeViewRepository invoices, Pool pool) {
    this.organization = organization;
    this.invoices = invoices;
    this.pool = pool;
  }

  @GET
  @Path("/{id}")
  public Uni<FeeResponse> get(@PathParam("id") String id) {
    UUID feeId;
    try {
      feeId = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("fee");
    }
    return invoices
        .fee(pool, organization.id(), feeId)
        .map(found -> new FeeResponse(json(found.orElseThrow(() -> ApiException.notFound("fee")))));
  }

  @GET
  public Uni<FeesResponse> list(
      @QueryParam("external_subscription_id") String externalSubscriptionId,
      @QueryParam("fee_type") String feeType,
      @QueryParam("billable_metric_code") String billableMetricCode,
      @QueryParam("page") String page,
      @QueryParam("per_page") String perPage) {
    PageRequest request = PageRequest.of(page, perPage);
    if (feeType != null && !TYPES.contains(feeType)) {
      throw ValidationErrors.single("fee_type", ErrorCode.VALUE_IS_INVALID.code());
    }
    FeeFilter filter =
        new FeeFilter(organization.id(), externalSubscriptionId, feeType, billableMetricCode);
    return invoices
        .countFees(pool, filter)
        .flatMap(
            total ->
                invoices
                    .fees(pool, filter, request.perPage(), request.offset())
                    .map(
                        fees ->
                            new FeesResponse(
                                fees.stream().map(FeeResource::json).toList(),
                                PaginationMeta.of(request, total))));
  }

  private static FeeJson json(FeeView view) {
    return InvoiceJson.fee(
        view.fee(),
        view.fee().invoiceId().toString(),
        view.paymentStatus(),
        view.fee().subscriptionId() == null
            ? java.util.Map.of()
            : java.util.Map.of(view.fee().subscriptionId().toString(), view.planCode()));
  }
}
