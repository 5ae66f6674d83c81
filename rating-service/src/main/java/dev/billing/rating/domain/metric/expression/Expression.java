package dev.billing.rating.domain.metric.expression;

import java.util.Objects;

/**
 * A billable metric's {@code expression}, parsed once and evaluated per event at ingest; its result
 * replaces {@code properties[field_name]}. Supports decimals, quoted strings, {@code
 * event.properties.<name>}, {@code event.timestamp}, {@code event.code}, {@code + - * /} with the
 * usual precedence, parentheses, unary minus, {@code round(x[, digits])}, {@code ceil(x[,
 * digits])}, {@code floor(x[, digits])} and {@code concat(a, ...)}.
 */
public final class Expression {

  private final String source;
  private final Node root;

  private Expression(String source, Node root) {
    this.source = source;
    this.root = root;
  }

  /**
   * Parses an expression.
   *
   * @throws InvalidExpressionException if the text is not a valid expression
   */
  public static Expression parse(String source) {
    Objects.requireNonNull(source, "source");
    if (source.isBlank()) {
      throw new InvalidExpressionException("empty expression", 0);
    }
    return new Expression(source, ExpressionParser.parse(source));
  }

  /**
   * Evaluates the expression against one event.
   *
   * @throws ExpressionEvaluationException for a missing property, a string where a number is
   *     needed, a division by zero or a non-integer precision
   */
  public ExpressionValue evaluate(EventContext event) {
    return root.evaluate(Objects.requireNonNull(event, "event"));
  }

  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return source;
  }
}
