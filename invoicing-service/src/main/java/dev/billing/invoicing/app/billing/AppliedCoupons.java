package dev.billing.invoicing.app.billing;

import dev.billing.invoicing.app.outbox.ChangeWriter;
import dev.billing.invoicing.domain.ErrorCode;
import dev.billing.invoicing.domain.coupon.AppliedCoupon;
import dev.billing.invoicing.domain.coupon.Coupon;
import dev.billing.invoicing.domain.coupon.CouponFrequency;
import dev.billing.invoicing.domain.coupon.CouponType;
import dev.billing.invoicing.domain.customer.Customer;
import dev.billing.invoicing.persistence.CustomerRepository;
import dev.billing.invoicing.persistence.coupon.AppliedCouponRepository;
import dev.billing.invoicing.persistence.coupon.CouponRepository;
import dev.billing.invoicing.persistence.coupon.CouponRepository.StoredCoupon;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.ValidationErrors;
import dev.billing.platform.money.Currencies;
import dev.billing.platform.money.Money;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * Coupons applied to customers, with Lago's rules: the customer (404 {@code customer_not_found})
 * and an active, unexpired coupon (404 {@code coupon_not_found}); a non-reusable coupon once per
 * customer, whatever became of the first application (422 {@code coupon: coupon_is_not_reusable});
 * a fixed amount in the customer's currency (422 {@code currency: currencies_does_not_match}),
 * which it sets when the customer has none. Each of amount, currency, rate, frequency and duration
 * comes from the request when given, else from the coupon.
 */
@ApplicationScoped
public class AppliedCoupons {

  private final Pool pool;
  private final CustomerRepository customers;
  private final CouponRepository coupons;
  private final AppliedCouponRepository applied;
  private final ChangeWriter writer;
  private final Clock clock;

  public AppliedCoupons(
      Pool pool,
      CustomerRepository customers,
      CouponRepository coupons,
      AppliedCouponRepository applied,
      ChangeWriter writer,
      Clock clock) {
    this.pool = pool;
    this.customers = customers;
    this.coupons = coupons;
    this.applied = applied;
    this.writer = writer;
    this.clock = clock;
  }

  public Uni<AppliedCouponResult> apply(UUID organizationId, ApplyCouponCommand in) {
    Instant now = clock.instant();
    return pool.withTransaction(
        tx ->
            customer(tx, organizationId, in.externalCustomerId())
                .flatMap(
                    customer ->
                        coupon(tx, organizationId, in.couponCode(), now)
                            .call(coupon -> requireReusable(tx, customer, coupon))
                            .flatMap(
                                coupon -> {
                                  AppliedCoupon state =
                                      AppliedCoupon.of(
                                          UUID.randomUUID().toString(), terms(coupon, in), now);
                                  return inCurrency(tx, customer, state.coupon(), now)
                                      .call(
                                          c ->
                                              applied.insert(
                                                  tx, organizationId, coupon.id(), c.id(), state))
                                      .flatMap(
                                          c ->
                                              applied
                                                  .find(
                                                      tx,
                                                      organizationId,
                                                      UUID.fromString(state.id()))
                                                  .map(
                                                      found ->
                                                          new AppliedCouponResult(
                                                              found.orElseThrow(), c)));
                                })));
  }

  /** Ends an applied coupon of the customer (Lago's DELETE): it stops applying from now on. */
  public Uni<AppliedCouponResult> terminate(
      UUID organizationId, String externalCustomerId, String appliedCouponId) {
    UUID id = parseId(appliedCouponId);
    Instant now = clock.instant();
    return pool.withTransaction(
        tx ->
            customers
                .find(tx, organizationId, externalCustomerId)
                .map(found -> found.orElseThrow(() -> ApiException.notFound("customer")))
                .flatMap(
                    customer ->
                        applied
                            .find(tx, organizationId, id)
                            .map(
                                found ->
                                    found
                                        .filter(a -> a.customerId().equals(customer.id()))
                                        .filter(a -> a.state().isActive())
                                        .orElseThrow(() -> ApiException.notFound("applied_coupon")))
                            .call(a -> applied.terminateOne(tx, a.id(), now))
                            .flatMap(a -> applied.find(tx, organizationId, a.id()))
                            .map(found -> new AppliedCouponResult(found.orElseThrow(), customer))));
  }

  private Uni<Customer> customer(SqlClient tx, UUID organizationId, String externalId) {
    if (externalId == null) {
      throw ApiException.notFound("customer");
    }
    return customers
        .findForUpdate(tx, organizationId, externalId)
        .map(found -> found.orElseThrow(() -> ApiException.notFound("customer")));
  }

  private Uni<StoredCoupon> coupon(SqlClient tx, UUID organizationId, String code, Instant now) {
    if (code == null) {
      throw ApiException.notFound("coupon");
    }
    return coupons
        .find(tx, organizationId, code)
        .map(
            found ->
                found
                    .filter(StoredCoupon::isActive)
                    .filter(c -> !c.terms().isExpiredAt(now))
                    .orElseThrow(() -> ApiException.notFound("coupon")));
  }

  private Uni<Void> requireReusable(SqlClient tx, Customer customer, StoredCoupon coupon) {
    if (coupon.reusable()) {
      return Uni.createFrom().voidItem();
    }
    return applied
        .wasApplied(tx, customer.id(), coupon.id())
        .invoke(
            was -> {
              if (was) {
                throw ValidationErrors.single("coupon", ErrorCode.COUPON_IS_NOT_REUSABLE.code());
              }
            })
        .replaceWithVoid();
  }

  /** The customer, in the fixed amount's currency (set now if it had none). */
  private Uni<Customer> inCurrency(SqlClient tx, Customer customer, Coupon terms, Instant now) {
    if (terms.type() != CouponType.FIXED_AMOUNT) {
      return Uni.createFrom().item(customer);
    }
    String currency = terms.amount().currency().code();
    if (customer.currency() == null) {
      return writer.customer(tx, customer.withCurrency(currency, now));
    }
    if (!customer.currency().equals(currency)) {
      throw ValidationErrors.single("currency", ErrorCode.CURRENCIES_DOES_NOT_MATCH.code());
    }
    return Uni.createFrom().item(customer);
  }

  /** The coupon's terms with the request's overrides; 422 when they do not hold. */
  static Coupon terms(StoredCoupon coupon, ApplyCouponCommand in) {
    Coupon t = coupon.terms();
    ValidationErrors errors = new ValidationErrors();
    Money amount = t.amount();
    if (t.type() == CouponType.FIXED_AMOUNT
        && (in.amountCents() != null || in.amountCurrency() != null)) {
      long cents = in.amountCents() != null ? in.amountCents() : amount.minorUnits();
      String currency =
          in.amountCurrency() != null ? in.amountCurrency() : amount.currency().code();
      if (cents < 0) {
        errors.add("amount_cents", ErrorCode.VALUE_IS_OUT_OF_RANGE.code());
      }
      if (!Currencies.isKnown(currency)) {
        errors.add("amount_currency", ErrorCode.VALUE_IS_INVALID.code());
      }
      errors.throwIfAny();
      amount = Money.ofMinor(cents, currency);
    }
    CouponFrequency frequency = t.frequency();
    if (in.frequency() != null) {
      frequency =
          Arrays.stream(CouponFrequency.values())
              .filter(f -> f.wireName().equals(in.frequency()))
              .findFirst()
              .orElseThrow(
                  () -> ValidationErrors.single("frequency", ErrorCode.VALUE_IS_INVALID.code()));
    }
    Integer duration =
        in.frequencyDuration() != null ? in.frequencyDuration() : t.frequencyDuration();
    Coupon merged =
        new Coupon(
            t.code(),
            t.type(),
            amount,
            t.type() == CouponType.PERCENTAGE && in.percentageRate() != null
                ? in.percentageRate()
                : t.percentageRate(),
            frequency,
            frequency == CouponFrequency.RECURRING ? duration : null,
            t.expirationAt(),
            t.planCodes(),
            t.billableMetricCodes());
    merged.validate().throwIfAny();
    return merged;
  }

  private static UUID parseId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("applied_coupon");
    }
  }
}
