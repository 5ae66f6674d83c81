package dev.billing.rating.api.catalog;

import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.ValidationErrors;
import dev.billing.rating.app.RatingErrorCode;
import dev.billing.rating.domain.catalog.BillableMetric;
import dev.billing.rating.domain.catalog.Charge;
import dev.billing.rating.domain.catalog.ChargeCodes;
import dev.billing.rating.domain.catalog.ChargeCompatibility;
import dev.billing.rating.domain.catalog.ChargeFilterDefinition;
import dev.billing.rating.domain.catalog.MetricIndex;
import dev.billing.rating.domain.charge.ChargeModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One of Lago's charge inputs ({@code charges[]} of a plan, or {@code charge} of the charges
 * routes) read into a charge and checked against its billable metric. An update is the stored
 * charge with the given fields laid over it. The code may be left null for {@link ChargeCodes}.
 */
final class ChargeInput {

  private ChargeInput() {}

  /**
   * A new charge; {@code metricNotFound} names the 404 of an unknown metric ({@code
   * billable_metrics} from the plan routes, {@code billable_metric} from the charge routes).
   */
  static Charge create(
      Map<String, Object> input,
      UUID id,
      MetricIndex metrics,
      RatingErrorCode metricNotFound,
      Instant now,
      ValidationErrors errors) {
    return read(input, id, now, List.of(), metrics, metricNotFound, errors);
  }

  /** The stored charge with the given fields changed. */
  static Charge update(
      Charge stored,
      Map<String, Object> input,
      MetricIndex metrics,
      RatingErrorCode metricNotFound,
      ValidationErrors errors) {
    Map<String, Object> merged = params(stored);
    if (input.get("billable_metric_id") != null || input.get("billable_metric_code") != null) {
      merged.remove("billable_metric_id");
    }
    Object model = input.get("charge_model");
    if (model != null && !model.equals(stored.chargeModel().wireName())) {
      merged.remove("properties");
    }
    merged.putAll(input);
    return read(
        merged, stored.id(), stored.createdAt(), stored.filters(), metrics, metricNotFound, errors);
  }

  private static Charge read(
      Map<String, Object> in,
      UUID id,
      Instant createdAt,
      List<ChargeFilterDefinition> storedFilters,
      MetricIndex metrics,
      RatingErrorCode metricNotFound,
      ValidationErrors errors) {
    ValidationErrors found = new ValidationErrors();
    BillableMetric metric = metric(in, metrics, metricNotFound, found);
    ChargeModel model = model(in.get("charge_model"), found);
    boolean payInAdvance =
        InputValues.bool(in.get("pay_in_advance"), "pay_in_advance", false, found);
    boolean invoiceable = InputValues.bool(in.get("invoiceable"), "invoiceable", true, found);
    boolean prorated = InputValues.bool(in.get("prorated"), "prorated", false, found);
    Long minAmount = InputValues.count(in.get("min_amount_cents"), "min_amount_cents", found);
    String code = InputValues.text(in.get("code"), "code", found);
    String displayName =
        InputValues.text(in.get("invoice_display_name"), "invoice_display_name", found);
    ChargePropertiesInput.Priced priced =
        model == null ? null : ChargePropertiesInput.read(model, in.get("properties"), true, found);
    List<ChargeFilterDefinition> filters =
        ChargeFiltersInput.read(in.get("filters"), model, metric, storedFilters, found);
    long minAmountCents = minAmount == null ? 0 : minAmount;
    if (metric != null && model != null) {
      ChargeCompatibility.check(
          new ChargeCompatibility.Options(
              model, payInAdvance, invoiceable, prorated, minAmountCents),
          metric.definition(),
          found);
    }
    found.details().forEach((field, codes) -> codes.forEach(c -> errors.add(field, c)));
    if (!found.isEmpty()) {
      return null;
    }
    return new Charge(
        id,
        code,
        metric.id(),
        model,
        payInAdvance,
        invoiceable,
        prorated,
        minAmountCents,
        displayName,
        priced.properties(),
        priced.pricing(),
        priced.groupKeys(),
        filters,
        createdAt);
  }

  /** By {@code billable_metric_id} (Lago's), else by {@code billable_metric_code}. */
  private static BillableMetric metric(
      Map<String, Object> in,
      MetricIndex metrics,
      RatingErrorCode notFound,
      ValidationErrors errors) {
    Object id = in.get("billable_metric_id");
    Object code = in.get("billable_metric_code");
    if (id == null && code == null) {
      errors.add("billable_metric_id", InputValues.MANDATORY);
      return null;
    }
    BillableMetric metric =
        id != null ? metrics.byId().get(InputValues.uuid(id)) : metrics.byCode().get(code);
    if (metric == null) {
      throw new ApiException(notFound);
    }
    return metric;
  }

  private static ChargeModel model(Object raw, ValidationErrors errors) {
    if (raw == null) {
      errors.add("charge_model", InputValues.MANDATORY);
      return null;
    }
    ChargeModel model = raw instanceof String text ? ChargeModel.fromWire(text).orElse(null) : null;
    if (model == null) {
      errors.add("charge_model", InputValues.INVALID);
    }
    return model;
  }

  /** A stored charge as the input that would make it. */
  static Map<String, Object> params(Charge charge) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("code", charge.code());
    params.put("billable_metric_id", charge.billableMetricId().toString());
    params.put("charge_model", charge.chargeModel().wireName());
    params.put("pay_in_advance", charge.payInAdvance());
    params.put("invoiceable", charge.invoiceable());
    params.put("prorated", charge.prorated());
    params.put("min_amount_cents", charge.minAmountCents());
    params.put("invoice_display_name", charge.invoiceDisplayName());
    params.put("properties", charge.properties());
    List<Map<String, Object>> filters = new ArrayList<>();
    for (ChargeFilterDefinition filter : charge.filters()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("invoice_display_name", filter.invoiceDisplayName());
      item.put("properties", filter.properties());
      item.put("values", filter.values());
      filters.add(item);
    }
    params.put("filters", filters);
    return params;
  }
}
