package dev.billing.invoicing.api.coupon;

import dev.billing.invoicing.app.coupon.CouponCatalog;
import dev.billing.invoicing.persistence.coupon.CouponRepository;
import dev.billing.invoicing.persistence.coupon.CouponRepository.StoredCoupon;
import dev.billing.platform.api.PageRequest;
import dev.billing.platform.api.PaginationMeta;
import dev.billing.platform.auth.CurrentOrganization;
import dev.billing.platform.error.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
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

/**
 * Lago's {@code /api/v1/coupons[/{code}]} within the key's organization (field checks in {@link
 * CouponFields}). Unknown {@code applies_to.plan_codes}: 404 {@code plans_not_found}; a code in
 * use: 422 {@code code: value_already_exist}. Once applied to a customer, only name, description
 * and expiry change. DELETE terminates the coupon and its active applications.
 */
@Path("/api/v1/coupons")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CouponResource {

  /**
   * @param coupons one page, newest first
   * @param meta Lago's pagination
   */
  public record ListResponse(List<CouponJson> coupons, PaginationMeta meta) {}

  private final CouponRepository coupons;
  private final CouponCatalog catalog;
  private final CurrentOrganization current;
  private final Pool pool;
  private final Clock clock;

  public CouponResource(
      CouponRepository coupons,
      CouponCatalog catalog,
      CurrentOrganization current,
      Pool pool,
      Clock clock) {
    this.coupons = coupons;
    this.catalog = catalog;
    this.current = current;
    this.pool = pool;
    this.clock = clock;
  }

  @POST
  public Uni<CouponJson.Response> create(CouponRequest request) {
    CouponRequest.Input in = input(request);
    StoredCoupon coupon =
        CouponFields.merge(in, null, false, UUID.randomUUID(), current.id(), clock.instant());
    return catalog.create(coupon).map(CouponResource::response);
  }

  @GET
  public Uni<ListResponse> list(
      @QueryParam("page") String page, @QueryParam("per_page") String perPage) {
    PageRequest request = PageRequest.of(page, perPage);
    UUID org = current.id();
    return coupons
        .count(pool, org)
        .flatMap(
            total ->
                coupons
                    .list(pool, org, request.perPage(), request.offset())
                    .map(
                        list ->
                            new ListResponse(
                                list.stream().map(CouponJson::of).toList(),
                                PaginationMeta.of(request, total))));
  }

  @GET
  @Path("/{code}")
  public Uni<CouponJson.Response> get(@PathParam("code") String code) {
    return existing(pool, code).map(CouponResource::response);
  }

  @PUT
  @Path("/{code}")
  public Uni<CouponJson.Response> update(@PathParam("code") String code, CouponRequest request) {
    CouponRequest.Input in = input(request);
    Instant now = clock.instant();
    return catalog
        .update(
            current.id(),
            code,
            (old, locked) ->
                CouponFields.merge(in, old, locked, old.id(), old.organizationId(), now))
        .map(CouponResource::response);
  }

  @DELETE
  @Path("/{code}")
  public Uni<CouponJson.Response> delete(@PathParam("code") String code) {
    return catalog.terminate(current.id(), code).map(CouponResource::response);
  }

  private Uni<StoredCoupon> existing(SqlClient client, String code) {
    return coupons
        .find(client, current.id(), code)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("coupon")));
  }

  private static CouponRequest.Input input(CouponRequest request) {
    if (request == null || request.coupon() == null) {
      throw ApiException.missingRootKey("coupon");
    }
    return request.coupon();
  }

  private static CouponJson.Response response(StoredCoupon coupon) {
    return new CouponJson.Response(CouponJson.of(coupon));
  }
}
