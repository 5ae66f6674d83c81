package dev.billing.platform.money;

/** A currency code that is not in the ISO 4217 table. */
public class UnknownCurrencyException extends IllegalArgumentException {
  public UnknownCurrencyException(String code) {
    super("unknown ISO 4217 currency: " + code);
  }
}
