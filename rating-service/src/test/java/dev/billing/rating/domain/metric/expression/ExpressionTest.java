package dev.billing.rating.domain.metric.expression;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billing.rating.domain.metric.expression.ExpressionEvaluationException.Reason;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ExpressionTest {

  private static final EventContext EVENT =
      EventContext.of(
          "storage",
          Instant.parse("2025-03-06T00:00:51.590Z"),
          Map.of("bytes", "1500000000", "rate", "1.5", "region", "eu", "zero", "0"));

  private static String eval(String source) {
    return Expression.parse(source).evaluate(EVENT).asText();
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "1 + 2 * 3 | 7",
        "(1 + 2) * 3 | 9",
        "10 - 4 - 3 | 3",
        "24 / 4 / 2 | 3",
        "-2 * 3 | -6",
        "2 * -3 | -6",
        "-(2 + 3) | -5",
        "10 / 4 | 2.5",
        "1 / 3 | 0.3333333333333333333333333333333333",
        "2 / 3 | 0.6666666666666666666666666666666667",
        "event.properties.rate * 2 | 3.0",
        "event.properties.bytes / 1000000000 | 1.5",
        "event.timestamp | 1741219251.59",
        "round(12.5) | 13",
        "round(12.345, 2) | 12.35",
        "ROUND(-12.5) | -13",
        "ceil(12.3) | 13",
        "Ceil(12.351, 1) | 12.4",
        "floor(12.7) | 12",
        "floor(-12.35, 1) | -12.4",
        "round(1234, -2) | 1200",
        "round(event.properties.bytes / 1000000000 * event.properties.rate, 1) | 2.3"
      })
  void shouldEvaluateNumbersWithUsualPrecedenceWhenExpressionIsArithmetic(
      String source, String expected) {
    assertThat(new BigDecimal(eval(source))).isEqualByComparingTo(expected);
    assertThat(eval(source)).isEqualTo(expected);
  }

  @Test
  void shouldReturnTextWhenConcatOrStringOrCode() {
    assertThat(Expression.parse("concat('a', \"-\", 123, event.code)").evaluate(EVENT))
        .isEqualTo(new ExpressionValue.Text("a-123storage"));
    assertThat(eval("concat(event.properties.region, '_', round(2.5))")).isEqualTo("eu_3");
    assertThat(eval("event.code")).isEqualTo("storage");
    assertThat(eval("'hello world'")).isEqualTo("hello world");
  }

  @ParameterizedTest(name = "\"{0}\"")
  @ValueSource(
      strings = {
        "",
        "   ",
        "1 +",
        "(1 + 2",
        "1 + 2)",
        "1 2",
        "--1",
        "1.",
        ".5",
        "1..2",
        "12abc",
        "'unterminated",
        "foo(1)",
        "rOuNd(1)",
        "round()",
        "round(1, 2, 3)",
        "concat()",
        "event.foo",
        "event.properties",
        "event.properties.1x",
        "event.properties.a-b",
        "properties.x",
        "1 % 2",
        "1 + * 2"
      })
  void shouldThrowInvalidExpressionWhenTextDoesNotParse(String source) {
    assertThatThrownBy(() -> Expression.parse(source))
        .isInstanceOf(InvalidExpressionException.class)
        .hasMessageContaining("position");
  }

  @Test
  void shouldTellPositionWhenParseFails() {
    assertThatThrownBy(() -> Expression.parse("1 + foo(2)"))
        .isInstanceOfSatisfying(
            InvalidExpressionException.class, e -> assertThat(e.position()).isEqualTo(4));
  }

  @ParameterizedTest(name = "{0} → {1}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "event.properties.missing + 1 | MISSING_PROPERTY",
        "event.properties.region * 2 | NOT_A_NUMBER",
        "'a' + 1 | NOT_A_NUMBER",
        "-event.code | NOT_A_NUMBER",
        "round('x') | NOT_A_NUMBER",
        "1 / 0 | DIVISION_BY_ZERO",
        "1 / event.properties.zero | DIVISION_BY_ZERO",
        "round(1.25, 1.5) | INVALID_PRECISION"
      })
  void shouldThrowEvaluationErrorWhenEventDoesNotFit(String source, Reason reason) {
    Expression expression = Expression.parse(source);

    assertThatThrownBy(() -> expression.evaluate(EVENT))
        .isInstanceOfSatisfying(
            ExpressionEvaluationException.class, e -> assertThat(e.reason()).isEqualTo(reason));
  }

  @Test
  void shouldKeepSourceWhenParsed() {
    assertThat(Expression.parse("round(event.properties.rate)").source())
        .isEqualTo("round(event.properties.rate)");
  }
}
