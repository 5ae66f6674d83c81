package dev.billing.platform.money;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact amount of one currency, always rounded to the currency's minor unit. Build one from a
 * precise decimal amount with {@link #roundedFrom} (HALF_UP, once per fee) or from integer cents
 * with {@link #ofMinor}. Amounts of different currencies never mix.
 */
public final class Money implements Comparable<Money> {

  private final BigDecimal amount;
  private final CurrencyUnit currency;

  private Money(BigDecimal amount, CurrencyUnit currency) {
    this.amount = amount;
    this.currency = currency;
  }

  /** Rounds a precise amount in major units HALF_UP to the currency's minor unit. */
  public static Money roundedFrom(BigDecimal preciseAmount, CurrencyUnit currency) {
    Objects.requireNonNull(preciseAmount, "preciseAmount");
    return new Money(preciseAmount.setScale(currency.exponent(), RoundingMode.HALF_UP), currency);
  }

  public static Money roundedFrom(BigDecimal preciseAmount, String currencyCode) {
    return roundedFrom(preciseAmount, Currencies.of(currencyCode));
  }

  /** An amount given in minor units (the {@code *_amount_cents} of Lago's API). */
  public static Money ofMinor(long minorUnits, CurrencyUnit currency) {
    return new Money(BigDecimal.valueOf(minorUnits, currency.exponent()), currency);
  }

  public static Money ofMinor(long minorUnits, String currencyCode) {
    return ofMinor(minorUnits, Currencies.of(currencyCode));
  }

  public static Money zero(CurrencyUnit currency) {
    return ofMinor(0, currency);
  }

  /** The amount in major units, with exactly the currency's exponent as scale. */
  public BigDecimal amount() {
    return amount;
  }

  public CurrencyUnit currency() {
    return currency;
  }

  /** The amount in minor units (cents for USD, yen for JPY, fils for KWD). */
  public long minorUnits() {
    BigInteger unscaled = amount.unscaledValue();
    return unscaled.longValueExact();
  }

  public Money plus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.add(other.amount), currency);
  }

  public Money minus(Money other) {
    requireSameCurrency(other);
    return new Money(amount.subtract(other.amount), currency);
  }

  public Money negate() {
    return new Money(amount.negate(), currency);
  }

  public boolean isZero() {
    return amount.signum() == 0;
  }

  public boolean isNegative() {
    return amount.signum() < 0;
  }

  public Money min(Money other) {
    return compareTo(other) <= 0 ? this : other;
  }

  public Money max(Money other) {
    return compareTo(other) >= 0 ? this : other;
  }

  @Override
  public int compareTo(Money other) {
    requireSameCurrency(other);
    return amount.compareTo(other.amount);
  }

  private void requireSameCurrency(Money other) {
    if (!currency.code().equals(other.currency.code())) {
      throw new CurrencyMismatchException(currency.code(), other.currency.code());
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Money other
        && currency.code().equals(other.currency.code())
        && amount.compareTo(other.amount) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(currency.code(), amount.stripTrailingZeros());
  }

  @Override
  public String toString() {
    return amount.toPlainString() + " " + currency.code();
  }
}
