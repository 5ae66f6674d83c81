package dev.billing.rating.api.catalog;

import dev.billing.rating.domain.catalog.MetricView;
import dev.billing.rating.domain.metric.BillableMetricDefinition;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Lago's {@code BillableMetricObject}. Subscriptions and invoices live in invoicing-service, so
 * {@code active_subscriptions_count} and {@code draft_invoices_count} are 0 here.
 */
public record BillableMetricJson(
    String lagoId,
    String name,
    String code,
    String description,
    String aggregationType,
    String weightedInterval,
    boolean recurring,
    String roundingFunction,
    Integer roundingPrecision,
    Instant createdAt,
    String fieldName,
    String expression,
    List<Filter> filters,
    long activeSubscriptionsCount,
    long draftInvoicesCount,
    long plansCount) {

  /**
   * Lago's {@code BillableMetricFilterObject}.
   *
   * @param key event property
   * @param values its values
   */
  public record Filter(String key, List<String> values) {}

  public static BillableMetricJson of(MetricView view) {
    BillableMetricDefinition d = view.metric().definition();
    return new BillableMetricJson(
        view.metric().id().toString(),
        d.name(),
        d.code(),
        d.description(),
        d.aggregationType().wireName(),
        d.weightedInterval(),
        d.recurring(),
        d.roundingFunction() == null ? null : d.roundingFunction().wireName(),
        d.roundingPrecision(),
        view.metric().createdAt().truncatedTo(ChronoUnit.SECONDS),
        d.fieldName(),
        d.expression(),
        d.filters().stream().map(f -> new Filter(f.key(), f.values())).toList(),
        0,
        0,
        view.plansCount());
  }
}
