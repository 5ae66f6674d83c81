package dev.billing.rating.domain.metric.expression;

import java.math.BigDecimal;
import java.util.Objects;

/** The result of an expression: a decimal number or a string. */
public sealed interface ExpressionValue permits ExpressionValue.Numeric, ExpressionValue.Text {

  /** The value as it is written into the event's property ({@code toPlainString} for numbers). */
  String asText();

  /** A decimal number. */
  record Numeric(BigDecimal value) implements ExpressionValue {
    public Numeric {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String asText() {
      return value.toPlainString();
    }
  }

  /** A string. */
  record Text(String value) implements ExpressionValue {
    public Text {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String asText() {
      return value;
    }
  }
}
