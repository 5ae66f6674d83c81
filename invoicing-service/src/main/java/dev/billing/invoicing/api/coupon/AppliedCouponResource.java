package dev.billing.invoicing.api.coupon;

import dev.billing.invoicing.app.billing.AppliedCoupons;
import dev.billing.invoicing.domain.ErrorCode;
import dev.billing.invoicing.persistence.CustomerRepository;
import dev.billing.invoicing.persistence.coupon.AppliedCouponRepository;
import dev.billing.platform.api.PageRequest;
import dev.billing.platform.api.PaginationMeta;
import dev.billing.platform.auth.CurrentOrganization;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.ValidationErrors;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Lago's {@code /api/v1/applied_coupons}: apply a coupon to a customer, list applications. */
@Path("/api/v1/applied_coupons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AppliedCouponResource {

  /**
   * @param appliedCoupons one page, newest first, each with its credits
   * @param meta Lago's pagination
   */
  public record ListResponse(List<AppliedCouponJson> appliedCoupons, PaginationMeta meta) {}

  private final AppliedCoupons service;
  private final AppliedCouponViews views;
  private final AppliedCouponRepository applied;
  private final CustomerRepository customers;
  private final CurrentOrganization current;
  private final Pool pool;

  public AppliedCouponResource(
      AppliedCoupons service,
      AppliedCouponViews views,
      AppliedCouponRepository applied,
      CustomerRepository customers,
      CurrentOrganization current,
      Pool pool) {
    this.service = service;
    this.views = views;
    this.applied = applied;
    this.customers = customers;
    this.current = current;
    this.pool = pool;
  }

  @POST
  public Uni<AppliedCouponJson.Response> create(AppliedCouponRequest request) {
    if (request == null || request.appliedCoupon() == null) {
      throw ApiException.missingRootKey("applied_coupon");
    }
    return service
        .apply(current.id(), request.appliedCoupon().command())
        .map(
            r ->
                new AppliedCouponJson.Response(
                    AppliedCouponJson.of(r.applied(), r.customer(), List.of())));
  }

  @GET
  public Uni<ListResponse> list(
      @QueryParam("external_customer_id") String externalCustomerId,
      @QueryParam("status") String status,
      @QueryParam("page") String page,
      @QueryParam("per_page") String perPage) {
    return list(
        pool, views, applied, customers, current.id(), externalCustomerId, status, page, perPage);
  }

  static Uni<ListResponse> list(
      Pool pool,
      AppliedCouponViews views,
      AppliedCouponRepository applied,
      CustomerRepository customers,
      UUID org,
      String externalCustomerId,
      String status,
      String page,
      String perPage) {
    PageRequest request = PageRequest.of(page, perPage);
    if (status != null && !Set.of("active", "terminated").contains(status)) {
      throw ValidationErrors.single("status", ErrorCode.VALUE_IS_INVALID.code());
    }
    Uni<UUID> customerId =
        externalCustomerId == null
            ? Uni.createFrom().nullItem()
            : customers
                .find(pool, org, externalCustomerId)
                .map(c -> c.orElseThrow(() -> ApiException.notFound("customer")).id());
    return customerId.flatMap(
        customer ->
            applied
                .count(pool, org, customer, status)
                .flatMap(
                    total ->
                        applied
                            .list(pool, org, customer, status, request.perPage(), request.offset())
                            .flatMap(rows -> views.of(pool, org, rows))
                            .map(
                                json ->
                                    new ListResponse(json, PaginationMeta.of(request, total)))));
  }
}
