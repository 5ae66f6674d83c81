package dev.billing.invoicing.app.coupon;

import dev.billing.invoicing.domain.ErrorCode;
import dev.billing.invoicing.persistence.coupon.AppliedCouponRepository;
import dev.billing.invoicing.persistence.coupon.CouponRepository;
import dev.billing.invoicing.persistence.coupon.CouponRepository.StoredCoupon;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.ValidationErrors;
import dev.billing.platform.persistence.PgErrors;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Creates, changes and terminates coupons, each in one transaction. Unknown plan codes: 404 {@code
 * plans_not_found}; a code in use: 422 {@code code: value_already_exist}; an unknown code: 404
 * {@code coupon_not_found}.
 */
@ApplicationScoped
public class CouponCatalog {

  /** A coupon's new state from its stored one and whether it was applied to a customer. */
  @FunctionalInterface
  public interface Change {
    StoredCoupon apply(StoredCoupon old, boolean applied);
  }

  private final CouponRepository coupons;
  private final AppliedCouponRepository applied;
  private final Pool pool;
  private final Clock clock;

  public CouponCatalog(
      CouponRepository coupons, AppliedCouponRepository applied, Pool pool, Clock clock) {
    this.coupons = coupons;
    this.applied = applied;
    this.pool = pool;
    this.clock = clock;
  }

  /** Stores a new, already checked, coupon. */
  public Uni<StoredCoupon> create(StoredCoupon coupon) {
    UUID organizationId = coupon.organizationId();
    return pool.withTransaction(
            tx ->
                requirePlans(tx, organizationId, coupon)
                    .chain(() -> requireFreeCode(tx, organizationId, coupon.terms().code()))
                    .chain(() -> coupons.insert(tx, coupon)))
        .onFailure(PgErrors::isUniqueViolation)
        .transform(e -> ValidationErrors.single("code", ErrorCode.VALUE_ALREADY_EXIST.code()))
        .replaceWith(coupon);
  }

  /** Changes the coupon with this code as {@code change} says (which checks the result). */
  public Uni<StoredCoupon> update(UUID organizationId, String code, Change change) {
    return pool.withTransaction(
            tx ->
                existing(tx, organizationId, code)
                    .flatMap(
                        old ->
                            coupons
                                .isApplied(tx, old.id())
                                .map(locked -> change.apply(old, locked))
                                .call(changed -> requirePlans(tx, organizationId, changed))
                                .call(
                                    changed ->
                                        changed.terms().code().equals(old.terms().code())
                                            ? Uni.createFrom().voidItem()
                                            : requireFreeCode(
                                                tx, organizationId, changed.terms().code()))
                                .call(changed -> coupons.update(tx, changed))))
        .onFailure(PgErrors::isUniqueViolation)
        .transform(e -> ValidationErrors.single("code", ErrorCode.VALUE_ALREADY_EXIST.code()));
  }

  /** Terminates the coupon with this code and its active applications; returns it terminated. */
  public Uni<StoredCoupon> terminate(UUID organizationId, String code) {
    Instant now = clock.instant();
    return pool.withTransaction(
        tx ->
            existing(tx, organizationId, code)
                .call(c -> coupons.delete(tx, c.id(), now))
                .call(c -> applied.terminateAllOf(tx, c.id(), now))
                .map(
                    c ->
                        new StoredCoupon(
                            c.id(),
                            c.organizationId(),
                            c.name(),
                            c.description(),
                            c.terms(),
                            c.reusable(),
                            "terminated",
                            c.terminatedAt() != null ? c.terminatedAt() : now,
                            c.createdAt(),
                            now)));
  }

  private Uni<StoredCoupon> existing(SqlClient client, UUID organizationId, String code) {
    return coupons
        .find(client, organizationId, code)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("coupon")));
  }

  private Uni<Void> requirePlans(SqlClient tx, UUID organizationId, StoredCoupon coupon) {
    return coupons
        .unknownPlanCodes(tx, organizationId, coupon.terms().planCodes())
        .invoke(
            unknown -> {
              if (!unknown.isEmpty()) {
                throw ApiException.notFound("plans");
              }
            })
        .replaceWithVoid();
  }

  private Uni<Void> requireFreeCode(SqlClient tx, UUID organizationId, String code) {
    return coupons
        .find(tx, organizationId, code)
        .invoke(
            found -> {
              if (found.isPresent()) {
                throw ValidationErrors.single("code", ErrorCode.VALUE_ALREADY_EXIST.code());
              }
            })
        .replaceWithVoid();
  }
}
