package dev.billing.rating.domain.metric.expression;

import dev.billing.rating.domain.metric.expression.ExpressionEvaluationException.Reason;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;

/** The syntax tree of an expression; each node evaluates itself against an event. */
sealed interface Node {

  /** Division keeps 34 significant digits (more than the 20 Lago's decimal type guarantees). */
  MathContext DIVISION = new MathContext(34, RoundingMode.HALF_UP);

  ExpressionValue evaluate(EventContext event);

  record NumberLiteral(BigDecimal value) implements Node {
    @Override
    public ExpressionValue evaluate(EventContext event) {
      return new ExpressionValue.Numeric(value);
    }
  }

  record StringLiteral(String value) implements Node {
    @Override
    public ExpressionValue evaluate(EventContext event) {
      return new ExpressionValue.Text(value);
    }
  }

  record EventCode() implements Node {
    @Override
    public ExpressionValue evaluate(EventContext event) {
      return new ExpressionValue.Text(event.code());
    }
  }

  record EventTimestamp() implements Node {
    @Override
    public ExpressionValue evaluate(EventContext event) {
      return new ExpressionValue.Numeric(event.timestamp());
    }
  }

  /** A property is a number when it parses as a decimal, a string otherwise (as Lago). */
  record Property(String name) implements Node {
    @Override
    public ExpressionValue evaluate(EventContext event) {
      String raw = event.properties().get(name);
      if (raw == null) {
        throw new ExpressionEvaluationException(
            Reason.MISSING_PROPERTY, "event property '" + name + "' is missing");
      }
      try {
        return new ExpressionValue.Numeric(new BigDecimal(raw.strip()));
      } catch (NumberFormatException notANumber) {
        return new ExpressionValue.Text(raw);
      }
    }
  }

  record Negate(Node operand) implements Node {
    @Override
    public ExpressionValue evaluate(EventContext event) {
      return new ExpressionValue.Numeric(number(operand.evaluate(event)).negate());
    }
  }

  record Binary(Token.Kind operator, Node left, Node right) implements Node {
    @Override
    public ExpressionValue evaluate(EventContext event) {
      BigDecimal l = number(left.evaluate(event));
      BigDecimal r = number(right.evaluate(event));
      BigDecimal result =
          switch (operator) {
            case PLUS -> l.add(r);
            case MINUS -> l.subtract(r);
            case STAR -> l.multiply(r);
            case SLASH -> divide(l, r);
            default -> throw new IllegalStateException("not an operator: " + operator);
          };
      return new ExpressionValue.Numeric(result);
    }

    private static BigDecimal divide(BigDecimal l, BigDecimal r) {
      if (r.signum() == 0) {
        throw new ExpressionEvaluationException(Reason.DIVISION_BY_ZERO, "division by zero");
      }
      return l.divide(r, DIVISION);
    }
  }

  /** round (HALF_UP), ceil or floor to {@code digits} decimals (0 when absent). */
  record Rounding(RoundingMode mode, Node value, Node digits) implements Node {
    @Override
    public ExpressionValue evaluate(EventContext event) {
      BigDecimal number = number(value.evaluate(event));
      int scale = digits == null ? 0 : precision(number(digits.evaluate(event)));
      BigDecimal rounded = number.setScale(scale, mode);
      return new ExpressionValue.Numeric(rounded.scale() < 0 ? rounded.setScale(0) : rounded);
    }

    private static int precision(BigDecimal digits) {
      try {
        return digits.stripTrailingZeros().intValueExact();
      } catch (ArithmeticException notAnInteger) {
        throw new ExpressionEvaluationException(
            Reason.INVALID_PRECISION, "precision must be an integer: " + digits.toPlainString());
      }
    }
  }

  /** Joins the text of its arguments; numbers are written in plain notation. */
  record Concat(List<Node> parts) implements Node {
    @Override
    public ExpressionValue evaluate(EventContext event) {
      StringBuilder text = new StringBuilder();
      for (Node part : parts) {
        text.append(part.evaluate(event).asText());
      }
      return new ExpressionValue.Text(text.toString());
    }
  }

  private static BigDecimal number(ExpressionValue value) {
    if (value instanceof ExpressionValue.Numeric numeric) {
      return numeric.value();
    }
    throw new ExpressionEvaluationException(
        Reason.NOT_A_NUMBER, "'" + value.asText() + "' is not a number");
  }
}
