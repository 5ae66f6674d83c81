package dev.billing.platform.money;

/** An operation mixed two currencies. */
public class CurrencyMismatchException extends IllegalArgumentException {
  public CurrencyMismatchException(String left, String right) {
    super("currencies do not match: " + left + " and " + right);
  }
}
