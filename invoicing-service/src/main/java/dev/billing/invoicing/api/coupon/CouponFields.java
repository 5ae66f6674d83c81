package dev.billing.invoicing.api.coupon;

import dev.billing.invoicing.domain.ErrorCode;
import dev.billing.invoicing.domain.coupon.Coupon;
import dev.billing.invoicing.domain.coupon.CouponFrequency;
import dev.billing.invoicing.domain.coupon.CouponType;
import dev.billing.invoicing.persistence.coupon.CouponRepository.StoredCoupon;
import dev.billing.platform.error.ValidationErrors;
import dev.billing.platform.money.Currencies;
import dev.billing.platform.money.Money;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A coupon request merged into the coupon it creates or changes, with Lago's 422s: {@code name},
 * {@code code}, {@code amount_cents} {@code value_is_mandatory}; {@code coupon_type}, {@code
 * frequency}, {@code expiration}, {@code amount_currency} {@code value_is_invalid}; {@code
 * amount_cents} / {@code percentage_rate} {@code value_is_out_of_range}; {@code expiration_at}
 * {@code invalid_date} (missing, malformed or past with {@code time_limit}).
 */
final class CouponFields {

  private CouponFields() {}

  /**
   * The coupon {@code in} describes; absent fields keep {@code old}'s value (null on create). When
   * {@code termsLocked} (the coupon is applied to customers) only name, description and expiry
   * change, as in Lago.
   */
  static StoredCoupon merge(
      CouponRequest.Input in,
      StoredCoupon old,
      boolean termsLocked,
      UUID id,
      UUID organizationId,
      Instant now) {
    ValidationErrors errors = new ValidationErrors();
    Coupon base = old == null ? null : old.terms();
    boolean locked = termsLocked && base != null;
    String name = pick(in.name(), old == null ? null : old.name());
    if (name == null || name.isBlank()) {
      errors.add("name", ErrorCode.VALUE_IS_MANDATORY.code());
    }
    String code = locked ? base.code() : pick(in.code(), base == null ? null : base.code());
    if (code == null || code.isBlank()) {
      errors.add("code", ErrorCode.VALUE_IS_MANDATORY.code());
    }
    CouponType type =
        locked
            ? base.type()
            : wire(
                CouponType.values(),
                in.couponType(),
                base == null ? null : base.type(),
                CouponType::wireName);
    if (type == null) {
      errors.add("coupon_type", ErrorCode.VALUE_IS_INVALID.code());
    }
    CouponFrequency frequency =
        locked
            ? base.frequency()
            : wire(
                CouponFrequency.values(),
                in.frequency(),
                base == null ? CouponFrequency.ONCE : base.frequency(),
                CouponFrequency::wireName);
    if (frequency == null) {
      errors.add("frequency", ErrorCode.VALUE_IS_INVALID.code());
    }
    Money amount = locked ? base.amount() : amount(in, base, type, errors);
    Instant expirationAt = expirationAt(in, base, now, errors);
    Coupon terms = null;
    if (errors.isEmpty()) {
      terms =
          new Coupon(
              code,
              type,
              type == CouponType.FIXED_AMOUNT ? amount : null,
              type != CouponType.PERCENTAGE
                  ? null
                  : locked ? base.percentageRate() : pick(in.percentageRate(), rateOf(base)),
              frequency,
              frequency != CouponFrequency.RECURRING
                  ? null
                  : locked
                      ? base.frequencyDuration()
                      : pick(
                          in.frequencyDuration(), base == null ? null : base.frequencyDuration()),
              expirationAt,
              locked || in.appliesTo() == null
                  ? base == null ? Set.of() : base.planCodes()
                  : codes(in.appliesTo().planCodes()),
              locked || in.appliesTo() == null
                  ? base == null ? Set.of() : base.billableMetricCodes()
                  : codes(in.appliesTo().billableMetricCodes()));
      terms.validate().details().forEach((f, codes) -> codes.forEach(c -> errors.add(f, c)));
    }
    errors.throwIfAny();
    boolean reusable =
        locked || in.reusable() == null ? old == null || old.reusable() : in.reusable();
    return new StoredCoupon(
        id,
        organizationId,
        name,
        pick(in.description(), old == null ? null : old.description()),
        terms,
        reusable,
        old == null ? "active" : old.status(),
        old == null ? null : old.terminatedAt(),
        old == null ? now : old.createdAt(),
        now);
  }

  private static Money amount(
      CouponRequest.Input in, Coupon base, CouponType type, ValidationErrors errors) {
    if (type != CouponType.FIXED_AMOUNT) {
      return null;
    }
    Optional<Money> old = Optional.ofNullable(base).map(Coupon::amount);
    Long cents =
        in.amountCents() != null ? in.amountCents() : old.map(Money::minorUnits).orElse(null);
    String currency =
        in.amountCurrency() != null
            ? in.amountCurrency()
            : old.map(m -> m.currency().code()).orElse(null);
    if (cents == null) {
      errors.add("amount_cents", ErrorCode.VALUE_IS_MANDATORY.code());
    } else if (cents <= 0) {
      errors.add("amount_cents", ErrorCode.VALUE_IS_OUT_OF_RANGE.code());
    }
    if (currency == null || !Currencies.isKnown(currency)) {
      errors.add("amount_currency", ErrorCode.VALUE_IS_INVALID.code());
    }
    return errors.isEmpty() ? Money.ofMinor(cents, currency) : null;
  }

  private static Instant expirationAt(
      CouponRequest.Input in, Coupon base, Instant now, ValidationErrors errors) {
    String expiration =
        in.expiration() != null
            ? in.expiration()
            : base == null || base.expirationAt() == null ? "no_expiration" : "time_limit";
    if (!List.of("no_expiration", "time_limit").contains(expiration)) {
      errors.add("expiration", ErrorCode.VALUE_IS_INVALID.code());
      return null;
    }
    if ("no_expiration".equals(expiration)) {
      return null;
    }
    Instant at = base == null ? null : base.expirationAt();
    if (in.expirationAt() != null) {
      try {
        at = OffsetDateTime.parse(in.expirationAt()).toInstant();
      } catch (DateTimeParseException e) {
        errors.add("expiration_at", ErrorCode.INVALID_DATE.code());
        return null;
      }
    }
    if (at == null || !at.isAfter(now)) {
      errors.add("expiration_at", ErrorCode.INVALID_DATE.code());
    }
    return at;
  }

  private static java.math.BigDecimal rateOf(Coupon base) {
    return base == null ? null : base.percentageRate();
  }

  private static Set<String> codes(List<String> codes) {
    return codes == null ? Set.of() : new HashSet<>(codes);
  }

  private static <T> T pick(T given, T old) {
    return given != null ? given : old;
  }

  private static <E> E wire(
      E[] values, String given, E old, java.util.function.Function<E, String> name) {
    if (given == null) {
      return old;
    }
    return Arrays.stream(values).filter(v -> name.apply(v).equals(given)).findFirst().orElse(null);
  }
}
