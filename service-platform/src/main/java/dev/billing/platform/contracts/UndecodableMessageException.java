package dev.billing.platform.contracts;

/** A message whose payload does not match its contract. */
public class UndecodableMessageException extends RuntimeException {
  public UndecodableMessageException(String message, Throwable cause) {
    super(message, cause);
  }
}
