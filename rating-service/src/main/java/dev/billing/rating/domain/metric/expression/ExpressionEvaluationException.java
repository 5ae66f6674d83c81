package dev.billing.rating.domain.metric.expression;

/** A parsed expression could not be evaluated for one event (Lago answers 422 at ingest). */
public final class ExpressionEvaluationException extends RuntimeException {

  /** Why evaluation failed. */
  public enum Reason {
    /** {@code event.properties.x} names a property the event does not have. */
    MISSING_PROPERTY,
    /** An arithmetic operand or rounding argument is a string, not a number. */
    NOT_A_NUMBER,
    /** The right side of a division is zero. */
    DIVISION_BY_ZERO,
    /** The precision of round/ceil/floor is not an integer. */
    INVALID_PRECISION
  }

  private final Reason reason;

  public ExpressionEvaluationException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
