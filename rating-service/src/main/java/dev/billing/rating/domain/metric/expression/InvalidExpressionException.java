package dev.billing.rating.domain.metric.expression;

/** The expression text does not parse; {@link #position()} is the 0-based offset of the problem. */
public final class InvalidExpressionException extends RuntimeException {

  private final int position;

  public InvalidExpressionException(String message, int position) {
    super(message + " at position " + position);
    this.position = position;
  }

  public int position() {
    return position;
  }
}
