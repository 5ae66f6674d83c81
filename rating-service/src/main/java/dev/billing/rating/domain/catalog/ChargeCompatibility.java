package dev.billing.rating.domain.catalog;

import dev.billing.platform.error.ValidationErrors;
import dev.billing.rating.domain.charge.ChargeModel;
import dev.billing.rating.domain.metric.AggregationType;
import dev.billing.rating.domain.metric.BillableMetricDefinition;

/**
 * Lago's rules between a charge's model, its options and its metric's aggregation, with Lago's
 * codes on the field at fault.
 */
public final class ChargeCompatibility {

  public static final String INCOMPATIBLE = "invalid_aggregation_type_or_charge_model";

  private ChargeCompatibility() {}

  /**
   * The options of one charge.
   *
   * @param model the charge model
   * @param payInAdvance billed per event
   * @param invoiceable pay-in-advance fees go on invoices
   * @param prorated recurring units weighted by the days left
   * @param minAmountCents spending minimum
   */
  public record Options(
      ChargeModel model,
      boolean payInAdvance,
      boolean invoiceable,
      boolean prorated,
      long minAmountCents) {}

  public static void check(Options o, BillableMetricDefinition metric, ValidationErrors errors) {
    AggregationType aggregation = metric.aggregationType();
    if (o.model() == ChargeModel.DYNAMIC && aggregation != AggregationType.SUM_AGG) {
      errors.add("charge_model", INCOMPATIBLE);
    }
    if (o.model() == ChargeModel.PERCENTAGE && aggregation == AggregationType.LATEST_AGG) {
      errors.add("charge_model", INCOMPATIBLE);
    }
    if (o.payInAdvance() && (o.model() == ChargeModel.VOLUME || !aggregation.payableInAdvance())) {
      errors.add("pay_in_advance", INCOMPATIBLE);
    }
    if (o.prorated() && !proratable(o, metric)) {
      errors.add("prorated", "invalid_billable_metric_or_charge_model");
    }
    if (!o.payInAdvance() && !o.invoiceable()) {
      errors.add("invoiceable", "must_be_true_unless_pay_in_advance");
    }
    if (o.payInAdvance() && o.minAmountCents() > 0) {
      errors.add("min_amount_cents", "not_compatible_with_pay_in_advance");
    }
  }

  /**
   * Only recurring metrics prorate, weighted sums never (they are time-weighted already): in
   * advance with standard, in arrears with standard, volume or graduated.
   */
  private static boolean proratable(Options o, BillableMetricDefinition metric) {
    if (!metric.recurring() || metric.aggregationType() == AggregationType.WEIGHTED_SUM_AGG) {
      return false;
    }
    return o.payInAdvance()
        ? o.model() == ChargeModel.STANDARD
        : o.model() == ChargeModel.STANDARD
            || o.model() == ChargeModel.VOLUME
            || o.model() == ChargeModel.GRADUATED;
  }
}
