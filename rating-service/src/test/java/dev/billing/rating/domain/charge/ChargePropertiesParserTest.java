package dev.billing.rating.domain.charge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.billing.platform.error.ValidationErrors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ChargePropertiesParserTest {

  private static Map<String, Object> range(Object from, Object to, String key, Object value) {
    Map<String, Object> range = new HashMap<>();
    range.put("from_value", from);
    range.put("to_value", to);
    range.put(key, value);
    range.put("flat_amount", "0");
    return range;
  }

  private static Map<String, Object> tiers(String field, String priceKey, Object... bounds) {
    List<Object> ranges = new ArrayList<>();
    for (int i = 0; i < bounds.length; i += 2) {
      ranges.add(range(bounds[i], bounds[i + 1], priceKey, "1"));
    }
    return Map.of(field, ranges);
  }

  private static Map<String, Object> percentage(Object... keyValues) {
    Map<String, Object> props = new HashMap<>();
    props.put("rate", "1");
    for (int i = 0; i < keyValues.length; i += 2) {
      props.put((String) keyValues[i], keyValues[i + 1]);
    }
    return props;
  }

  private static Map<String, Object> pkg(Object amount, Object size, Object free) {
    Map<String, Object> props = new HashMap<>();
    props.put("amount", amount);
    props.put("package_size", size);
    props.put("free_units", free);
    return props;
  }

  static Stream<Arguments> invalidProperties() {
    return Stream.of(
        Arguments.of(ChargeModel.STANDARD, Map.of(), "amount", "invalid_amount"),
        Arguments.of(ChargeModel.STANDARD, Map.of("amount", 0.05), "amount", "invalid_amount"),
        Arguments.of(ChargeModel.STANDARD, Map.of("amount", "-1"), "amount", "invalid_amount"),
        Arguments.of(ChargeModel.STANDARD, Map.of("amount", "abc"), "amount", "invalid_amount"),
        Arguments.of(ChargeModel.PACKAGE, pkg("5", 0, 0), "package_size", "invalid_package_size"),
        Arguments.of(
            ChargeModel.PACKAGE, pkg("5", "100", 0), "package_size", "invalid_package_size"),
        Arguments.of(ChargeModel.PACKAGE, pkg("5", 100, -1), "free_units", "invalid_free_units"),
        Arguments.of(ChargeModel.PACKAGE, pkg("5", 100, null), "free_units", "invalid_free_units"),
        Arguments.of(ChargeModel.PACKAGE, pkg(5, 100, 0), "amount", "invalid_amount"),
        Arguments.of(ChargeModel.PERCENTAGE, Map.of("rate", 1.5), "rate", "invalid_rate"),
        Arguments.of(
            ChargeModel.PERCENTAGE,
            percentage("fixed_amount", "-0.1"),
            "fixed_amount",
            "invalid_fixed_amount"),
        Arguments.of(
            ChargeModel.PERCENTAGE,
            percentage("free_units_per_events", 0),
            "free_units_per_events",
            "invalid_free_units_per_events"),
        Arguments.of(
            ChargeModel.PERCENTAGE,
            percentage("free_units_per_total_aggregation", 500),
            "free_units_per_total_aggregation",
            "invalid_free_units_per_total_aggregation"),
        Arguments.of(
            ChargeModel.PERCENTAGE,
            percentage("per_transaction_min_amount", "x"),
            "per_transaction_min_amount",
            "invalid_amount"),
        Arguments.of(
            ChargeModel.PERCENTAGE,
            percentage("per_transaction_max_amount", -2),
            "per_transaction_max_amount",
            "invalid_amount"),
        Arguments.of(
            ChargeModel.PERCENTAGE,
            percentage("per_transaction_min_amount", "5", "per_transaction_max_amount", "1"),
            "per_transaction_max_amount",
            "per_transaction_max_lower_than_per_transaction_min"),
        Arguments.of(
            ChargeModel.GRADUATED, Map.of(), "graduated_ranges", "missing_graduated_ranges"),
        // does not start at 0
        Arguments.of(
            ChargeModel.GRADUATED,
            tiers("graduated_ranges", "per_unit_amount", 1, 100, 101, null),
            "graduated_ranges",
            "invalid_graduated_ranges"),
        // gap: 100 → 102
        Arguments.of(
            ChargeModel.GRADUATED,
            tiers("graduated_ranges", "per_unit_amount", 0, 100, 102, null),
            "graduated_ranges",
            "invalid_graduated_ranges"),
        // last to_value not null
        Arguments.of(
            ChargeModel.GRADUATED,
            tiers("graduated_ranges", "per_unit_amount", 0, 100, 101, 200),
            "graduated_ranges",
            "invalid_graduated_ranges"),
        // a middle to_value null
        Arguments.of(
            ChargeModel.GRADUATED,
            tiers("graduated_ranges", "per_unit_amount", 0, null, 1, null),
            "graduated_ranges",
            "invalid_graduated_ranges"),
        // to below from
        Arguments.of(
            ChargeModel.GRADUATED,
            tiers("graduated_ranges", "per_unit_amount", 0, 100, 101, 50, 51, null),
            "graduated_ranges",
            "invalid_graduated_ranges"),
        Arguments.of(
            ChargeModel.GRADUATED,
            Map.of("graduated_ranges", List.of(range(0, null, "per_unit_amount", 1))),
            "per_unit_amount",
            "invalid_amount"),
        Arguments.of(
            ChargeModel.VOLUME,
            tiers("volume_ranges", "per_unit_amount", 0, 100, 99, null),
            "volume_ranges",
            "invalid_volume_ranges"),
        Arguments.of(ChargeModel.VOLUME, Map.of(), "volume_ranges", "missing_volume_ranges"),
        Arguments.of(
            ChargeModel.GRADUATED_PERCENTAGE,
            tiers("graduated_percentage_ranges", "rate", 0, 1000, 1002, null),
            "graduated_percentage_ranges",
            "invalid_graduated_percentage_ranges"),
        Arguments.of(
            ChargeModel.GRADUATED_PERCENTAGE,
            Map.of("graduated_percentage_ranges", List.of(range(0, null, "rate", "-1"))),
            "rate",
            "invalid_rate"),
        Arguments.of(
            ChargeModel.GRADUATED_PERCENTAGE,
            Map.of("graduated_percentage_ranges", List.of()),
            "graduated_percentage_ranges",
            "missing_graduated_percentage_ranges"));
  }

  @ParameterizedTest(name = "{0} {1} → {2}: {3}")
  @MethodSource("invalidProperties")
  void shouldReportLagoCodeWhenPropertiesAreInvalid(
      ChargeModel model, Map<String, Object> props, String field, String code) {
    ValidationErrors errors = new ValidationErrors();

    ChargeProperties parsed = ChargePropertiesParser.parse(model, props, errors);

    assertThat(parsed).isNull();
    assertThat(errors.details()).containsKey(field);
    assertThat(errors.details().get(field)).contains(code);
  }

  @Test
  void shouldParseEveryPriceAsDecimalWhenPropertiesAreValid() {
    ValidationErrors errors = new ValidationErrors();

    ChargeProperties standard =
        ChargePropertiesParser.parse(ChargeModel.STANDARD, Map.of("amount", "0.05"), errors);
    ChargeProperties pack =
        ChargePropertiesParser.parse(ChargeModel.PACKAGE, pkg("5", 100, 100), errors);
    ChargeProperties percentage =
        ChargePropertiesParser.parse(
            ChargeModel.PERCENTAGE,
            percentage(
                "fixed_amount", "0.10",
                "free_units_per_events", 3,
                "free_units_per_total_aggregation", "500",
                "per_transaction_min_amount", "",
                "per_transaction_max_amount", "5"),
            errors);
    ChargeProperties dynamic = ChargePropertiesParser.parse(ChargeModel.DYNAMIC, null, errors);

    assertThat(errors.isEmpty()).isTrue();
    assertThat(standard).isEqualTo(new StandardProperties(new BigDecimal("0.05")));
    assertThat(pack).isEqualTo(new PackageProperties(new BigDecimal("5"), 100, 100));
    assertThat(percentage)
        .isEqualTo(
            new PercentageProperties(
                new BigDecimal("1"),
                new BigDecimal("0.10"),
                3L,
                new BigDecimal("500"),
                null,
                new BigDecimal("5")));
    assertThat(dynamic).isEqualTo(new DynamicProperties());
  }

  @Test
  void shouldAcceptInclusiveAndAdjacentBoundsWhenRangesAreContiguous() {
    ValidationErrors errors = new ValidationErrors();

    ChargeProperties inclusive =
        ChargePropertiesParser.parse(
            ChargeModel.GRADUATED,
            tiers("graduated_ranges", "per_unit_amount", 0, 100, 101, 200, 201, null),
            errors);
    ChargeProperties adjacent =
        ChargePropertiesParser.parse(
            ChargeModel.VOLUME,
            tiers("volume_ranges", "per_unit_amount", 0, 100L, 100L, null),
            errors);
    ChargeProperties single =
        ChargePropertiesParser.parse(
            ChargeModel.GRADUATED_PERCENTAGE,
            tiers("graduated_percentage_ranges", "rate", 0, null),
            errors);

    assertThat(errors.details()).isEmpty();
    assertThat(((GraduatedProperties) inclusive).ranges())
        .extracting(GraduatedRange::fromValue, GraduatedRange::toValue)
        .containsExactly(tuple(0L, 100L), tuple(101L, 200L), tuple(201L, null));
    assertThat(((VolumeProperties) adjacent).ranges()).hasSize(2);
    assertThat(((GraduatedPercentageProperties) single).ranges()).hasSize(1);
  }

  @Test
  void shouldKeepEarlierErrorsWhenParsingAddsItsOwn() {
    ValidationErrors errors = new ValidationErrors().add("charge_model", "value_is_invalid");

    ChargeProperties ok =
        ChargePropertiesParser.parse(ChargeModel.STANDARD, Map.of("amount", "1"), errors);

    assertThat(ok).isNotNull();
    assertThat(errors.details()).containsOnlyKeys("charge_model");
  }

  @Test
  void shouldReadPricingGroupKeysWhenGivenAsListOfStrings() {
    ValidationErrors errors = new ValidationErrors();

    List<String> keys =
        ChargePropertiesParser.parsePricingGroupKeys(
            Map.of("pricing_group_keys", List.of("region", "model")), errors);
    List<String> legacy =
        ChargePropertiesParser.parsePricingGroupKeys(Map.of("grouped_by", List.of("a")), errors);
    List<String> none = ChargePropertiesParser.parsePricingGroupKeys(Map.of(), errors);

    assertThat(errors.isEmpty()).isTrue();
    assertThat(keys).containsExactly("region", "model");
    assertThat(legacy).containsExactly("a");
    assertThat(none).isEmpty();
  }

  @Test
  void shouldReportInvalidTypeWhenPricingGroupKeysAreNotStrings() {
    ValidationErrors errors = new ValidationErrors();

    ChargePropertiesParser.parsePricingGroupKeys(
        Map.of("pricing_group_keys", List.of("region", 3)), errors);

    assertThat(errors.details()).containsEntry("pricing_group_keys", List.of("invalid_type"));
  }
}
