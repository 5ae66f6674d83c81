package dev.billing.rating.domain.charge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billing.rating.domain.metric.MetricFilter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChargeFilterMatcherTest {

  private static final List<MetricFilter> METRIC_FILTERS =
      List.of(
          new MetricFilter("model", List.of("gpt-4", "gpt-4o")),
          new MetricFilter("type", List.of("input", "output")));

  private static final ChargeFilter GPT4 = new ChargeFilter(Map.of("model", List.of("gpt-4")));
  private static final ChargeFilter GPT4_INPUT =
      new ChargeFilter(Map.of("model", List.of("gpt-4"), "type", List.of("input")));
  private static final ChargeFilter ANY_MODEL =
      new ChargeFilter(Map.of("model", List.of(ChargeFilterMatcher.ALL_FILTER_VALUES)));

  private final ChargeFilterMatcher matcher =
      new ChargeFilterMatcher(METRIC_FILTERS, List.of(GPT4, GPT4_INPUT, ANY_MODEL));

  @Test
  void shouldPickFilterWithMostKeysWhenSeveralMatch() {
    assertThat(matcher.bestMatch(Map.of("model", "gpt-4", "type", "input"))).contains(GPT4_INPUT);
    assertThat(matcher.allMatches(Map.of("model", "gpt-4", "type", "input")))
        .containsExactly(GPT4, GPT4_INPUT, ANY_MODEL);
  }

  @Test
  void shouldPickFirstDeclaredWhenMatchesHaveSameNumberOfKeys() {
    // GPT4 and ANY_MODEL both match on one key; GPT4 is declared first
    assertThat(matcher.bestMatch(Map.of("model", "gpt-4", "type", "output"))).contains(GPT4);

    ChargeFilterMatcher reversed =
        new ChargeFilterMatcher(METRIC_FILTERS, List.of(ANY_MODEL, GPT4));
    assertThat(reversed.bestMatch(Map.of("model", "gpt-4"))).contains(ANY_MODEL);
  }

  @Test
  void shouldMatchAnyDeclaredValueWhenFilterUsesAllFilterValues() {
    assertThat(matcher.bestMatch(Map.of("model", "gpt-4o", "type", "input"))).contains(ANY_MODEL);
  }

  @Test
  void shouldUseDefaultBucketWhenValueIsNotDeclaredOrMissing() {
    assertThat(matcher.bestMatch(Map.of("model", "claude"))).isEmpty();
    assertThat(matcher.bestMatch(Map.of("type", "input"))).isEmpty();
    assertThat(matcher.bestMatch(Map.of())).isEmpty();
  }

  @Test
  void shouldIgnoreEventPropertyWhenKeyIsNotAMetricFilter() {
    ChargeFilter byRegion = new ChargeFilter(Map.of("region", List.of("eu")));
    ChargeFilterMatcher withRegion = new ChargeFilterMatcher(METRIC_FILTERS, List.of(byRegion));

    assertThat(withRegion.bestMatch(Map.of("region", "eu"))).isEmpty();
  }
}
