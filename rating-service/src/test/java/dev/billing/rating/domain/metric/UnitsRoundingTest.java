package dev.billing.rating.domain.metric;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsRoundingTest {

  @ParameterizedTest(name = "{1}({0}, {2}) = {3}")
  @CsvSource({
    "1.25, round, 1, 1.3",
    "1.5, round, , 2",
    "-1.5, round, 0, -2",
    "1.21, ceil, 1, 1.3",
    "1.29, floor, 1, 1.2",
    "-1.21, floor, 1, -1.3",
    "1234, ceil, -2, 1300",
    "1.2345, , 2, 1.2345"
  })
  void shouldRoundUnitsWhenFunctionIsSet(
      String units, String function, Integer precision, String expected) {
    RoundingFunction rounding = function == null ? null : RoundingFunction.fromWire(function).get();

    BigDecimal rounded = UnitsRounding.apply(new BigDecimal(units), rounding, precision);

    assertThat(rounded).isEqualByComparingTo(expected);
  }
}
