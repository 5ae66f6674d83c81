package dev.billing.invoicing.api.coupon;

import dev.billing.invoicing.app.billing.AppliedCoupons;
import dev.billing.invoicing.persistence.CustomerRepository;
import dev.billing.invoicing.persistence.coupon.AppliedCouponRepository;
import dev.billing.platform.auth.CurrentOrganization;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Lago's {@code /api/v1/customers/{external_customer_id}/applied_coupons}: the customer's applied
 * coupons, and {@code DELETE .../{applied_coupon_id}}, which terminates one (404 {@code
 * applied_coupon_not_found} unless it is the customer's and active).
 */
@Path("/api/v1/customers/{external_customer_id}/applied_coupons")
@Produces(MediaType.APPLICATION_JSON)
public class CustomerAppliedCouponResource {

  private final AppliedCoupons service;
  private final AppliedCouponViews views;
  private final AppliedCouponRepository applied;
  private final CustomerRepository customers;
  private final CurrentOrganization current;
  private final Pool pool;

  public CustomerAppliedCouponResource(
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

  @GET
  public Uni<AppliedCouponResource.ListResponse> list(
      @PathParam("external_customer_id") String externalCustomerId,
      @QueryParam("status") String status,
      @QueryParam("page") String page,
      @QueryParam("per_page") String perPage) {
    return AppliedCouponResource.list(
        pool, views, applied, customers, current.id(), externalCustomerId, status, page, perPage);
  }

  @DELETE
  @Path("/{applied_coupon_id}")
  public Uni<AppliedCouponJson.Response> delete(
      @PathParam("external_customer_id") String externalCustomerId,
      @PathParam("applied_coupon_id") String appliedCouponId) {
    return service
        .terminate(current.id(), externalCustomerId, appliedCouponId)
        .map(
            r ->
                new AppliedCouponJson.Response(
                    AppliedCouponJson.of(r.applied(), r.customer(), List.of())));
  }
}
