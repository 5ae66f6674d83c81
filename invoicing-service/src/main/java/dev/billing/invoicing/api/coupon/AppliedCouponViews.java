package dev.billing.invoicing.api.coupon;

import dev.billing.invoicing.persistence.CustomerRepository;
import dev.billing.invoicing.persistence.coupon.AppliedCouponRepository;
import dev.billing.invoicing.persistence.coupon.AppliedCouponRepository.StoredAppliedCoupon;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** Lago's applied coupon objects, with their customers and credits. */
@ApplicationScoped
public class AppliedCouponViews {

  private final CustomerRepository customers;
  private final AppliedCouponRepository applied;

  public AppliedCouponViews(CustomerRepository customers, AppliedCouponRepository applied) {
    this.customers = customers;
    this.applied = applied;
  }

  /** One page of applied coupons, with their customers and credits. */
  public Uni<List<AppliedCouponJson>> of(
      SqlClient client, UUID organizationId, List<StoredAppliedCoupon> page) {
    if (page.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    List<UUID> ids = page.stream().map(StoredAppliedCoupon::id).toList();
    return customers
        .byIds(
            client,
            organizationId,
            page.stream().map(StoredAppliedCoupon::customerId).distinct().toList())
        .flatMap(
            byId ->
                applied
                    .credits(client, List.of(), ids)
                    .map(
                        credits ->
                            page.stream()
                                .map(
                                    a ->
                                        AppliedCouponJson.of(
                                            a,
                                            byId.get(a.customerId()),
                                            credits.stream()
                                                .filter(c -> c.appliedCouponId().equals(a.id()))
                                                .toList()))
                                .toList()));
  }
}
