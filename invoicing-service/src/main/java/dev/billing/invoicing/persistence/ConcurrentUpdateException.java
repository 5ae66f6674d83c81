package dev.billing.invoicing.persistence;

/** A row changed between read and write; the caller retries or reports a conflict. */
public class ConcurrentUpdateException extends RuntimeException {
  public ConcurrentUpdateException(String what) {
    super("concurrent update of " + what);
  }
}
