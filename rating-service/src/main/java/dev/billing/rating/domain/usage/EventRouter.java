package dev.billing.rating.domain.usage;

import dev.billing.rating.domain.catalog.BillableMetric;
import dev.billing.rating.domain.catalog.Charge;
import dev.billing.rating.domain.catalog.ChargeFilterDefinition;
import dev.billing.rating.domain.catalog.Plan;
import dev.billing.rating.domain.charge.ChargeFilter;
import dev.billing.rating.domain.charge.ChargeFilterMatcher;
import dev.billing.rating.domain.metric.AggregationType;
import dev.billing.rating.domain.metric.BillableMetricDefinition;
import dev.billing.rating.domain.metric.MetricFilter;
import dev.billing.rating.domain.metric.expression.EventContext;
import dev.billing.rating.domain.metric.expression.Expression;
import dev.billing.rating.domain.metric.expression.ExpressionValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * Decides what an event adds to the usage of a subscription: for each charge of the plan whose
 * metric has the event's code, the value the metric aggregates (its field, or its expression), the
 * charge filter it falls in (most specific match, else the default bucket), its pricing group and
 * its period. Problems are Lago's events.errors reasons.
 */
public final class EventRouter {

  public static final String INVALID_CODE = "invalid_code";
  public static final String MISSING_AGGREGATION_PROPERTY = "missing_aggregation_property";
  public static final String INVALID_FILTER_VALUES = "invalid_filter_values";
  public static final String NO_SUBSCRIPTION = "no_active_subscription";

  private final Function<String, Expression> expressions;

  /** {@code expressions} parses (and may cache) a metric's expression source. */
  public EventRouter(Function<String, Expression> expressions) {
    this.expressions = expressions;
  }

  /**
   * The contributions of one event.
   *
   * @param contributions what it adds, per charge
   * @param errors reasons it is not (fully) billable
   */
  public record Routing(List<Contribution> contributions, List<String> errors) {}

  public Routing route(
      RatedEvent event,
      SubscriptionTerms subscription,
      Plan plan,
      Map<UUID, BillableMetric> metrics) {
    List<Contribution> contributions = new ArrayList<>();
    List<String> errors = new ArrayList<>();
    boolean codeKnown = false;
    for (Charge charge : plan.charges()) {
      BillableMetric metric = metrics.get(charge.billableMetricId());
      if (metric == null || !metric.code().equals(event.code())) {
        continue;
      }
      codeKnown = true;
      BillableMetricDefinition definition = metric.definition();
      Optional<Contribution> contribution =
          contribution(event, subscription, plan, charge, definition);
      if (contribution.isEmpty()) {
        addOnce(errors, MISSING_AGGREGATION_PROPERTY);
        continue;
      }
      if (hasUndeclaredFilterValue(definition.filters(), event.properties())) {
        addOnce(errors, INVALID_FILTER_VALUES);
      }
      contributions.add(contribution.get());
    }
    if (!codeKnown) {
      errors.add(INVALID_CODE);
    }
    return new Routing(contributions, errors);
  }

  private Optional<Contribution> contribution(
      RatedEvent event,
      SubscriptionTerms subscription,
      Plan plan,
      Charge charge,
      BillableMetricDefinition metric) {
    Map<String, String> properties = withExpression(event, metric);
    UsagePeriod period =
        subscription.chargesPeriodAt(event.timestamp(), plan.interval(), plan.billChargesMonthly());
    Contribution.AggregateKey key =
        new Contribution.AggregateKey(
            subscription.id(),
            charge.id(),
            filterOf(charge, metric.filters(), properties),
            groupKey(charge.pricingGroupKeys(), properties),
            period);
    BigDecimal precise = event.preciseTotalAmountCents();
    AggregationType type = metric.aggregationType();
    if (type == AggregationType.COUNT_AGG) {
      return Optional.of(
          new Contribution(key, type, BigDecimal.ONE, null, true, event.timestamp(), precise));
    }
    if (type == AggregationType.UNIQUE_COUNT_AGG) {
      String value = properties.get(metric.fieldName());
      boolean add = !"remove".equals(properties.get("operation_type"));
      return value == null
          ? Optional.empty()
          : Optional.of(new Contribution(key, type, null, value, add, event.timestamp(), precise));
    }
    return new dev.billing.rating.domain.metric.MeteredEvent(
            event.transactionId(), event.timestamp(), properties)
        .numericValue(metric.fieldName())
        .map(value -> new Contribution(key, type, value, null, true, event.timestamp(), precise));
  }

  /** The properties with the metric's expression result written into its field, as Lago does. */
  private Map<String, String> withExpression(RatedEvent event, BillableMetricDefinition metric) {
    if (metric.expression() == null || metric.fieldName() == null) {
      return event.properties();
    }
    try {
      ExpressionValue value =
          expressions
              .apply(metric.expression())
              .evaluate(EventContext.of(event.code(), event.timestamp(), event.properties()));
      Map<String, String> properties = new TreeMap<>(event.properties());
      properties.put(metric.fieldName(), value.asText());
      return properties;
    } catch (RuntimeException cannotEvaluate) {
      return event.properties();
    }
  }

  private static UUID filterOf(
      Charge charge, List<MetricFilter> metricFilters, Map<String, String> properties) {
    if (charge.filters().isEmpty()) {
      return Contribution.DEFAULT_FILTER;
    }
    List<ChargeFilter> candidates =
        charge.filters().stream().map(ChargeFilterDefinition::matcherFilter).toList();
    Optional<ChargeFilter> best =
        new ChargeFilterMatcher(metricFilters, candidates).bestMatch(properties);
    return best.map(match -> charge.filters().get(candidates.indexOf(match)).id())
        .orElse(Contribution.DEFAULT_FILTER);
  }

  /** Canonical JSON of the group values, keys sorted: {@code {"region":"eu"}}. */
  static String groupKey(List<String> groupKeys, Map<String, String> properties) {
    if (groupKeys.isEmpty()) {
      return "";
    }
    StringBuilder json = new StringBuilder("{");
    groupKeys.stream()
        .sorted()
        .forEach(
            name -> {
              if (json.length() > 1) {
                json.append(',');
              }
              json.append(quoted(name)).append(':');
              String value = properties.get(name);
              json.append(value == null ? "null" : quoted(value));
            });
    return json.append('}').toString();
  }

  private static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }

  private static boolean hasUndeclaredFilterValue(
      List<MetricFilter> filters, Map<String, String> properties) {
    for (MetricFilter filter : filters) {
      String value = properties.get(filter.key());
      if (value != null && !filter.values().contains(value)) {
        return true;
      }
    }
    return false;
  }

  private static void addOnce(List<String> errors, String error) {
    if (!errors.contains(error)) {
      errors.add(error);
    }
  }
}
