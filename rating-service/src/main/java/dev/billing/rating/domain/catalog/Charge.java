package dev.billing.rating.domain.catalog;

import dev.billing.rating.domain.charge.ChargeModel;
import dev.billing.rating.domain.charge.ChargeProperties;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A usage charge of a plan: a billable metric priced by a charge model, with optional filters (most
 * specific match wins; events matching none are priced by the default properties) and pricing group
 * keys (a fee per distinct combination of those properties).
 *
 * @param id its lago_id
 * @param code the charge's code, unique within its plan
 * @param billableMetricId the metric it prices
 * @param chargeModel how it prices
 * @param payInAdvance billed per event rather than at period end
 * @param invoiceable pay-in-advance fees go on an invoice
 * @param prorated recurring units weighted by the days left in the period
 * @param minAmountCents spending minimum per period (0: none)
 * @param invoiceDisplayName label on invoices, or null
 * @param properties default price as Lago sent it (for answers)
 * @param pricing the parsed default price
 * @param pricingGroupKeys event properties that split fees, possibly empty
 * @param filters filters, possibly empty
 * @param createdAt creation instant
 */
public record Charge(
    UUID id,
    String code,
    UUID billableMetricId,
    ChargeModel chargeModel,
    boolean payInAdvance,
    boolean invoiceable,
    boolean prorated,
    long minAmountCents,
    String invoiceDisplayName,
    Map<String, Object> properties,
    ChargeProperties pricing,
    List<String> pricingGroupKeys,
    List<ChargeFilterDefinition> filters,
    Instant createdAt) {

  /** This charge with another code. */
  public Charge withCode(String code) {
    return new Charge(
        id,
        code,
        billableMetricId,
        chargeModel,
        payInAdvance,
        invoiceable,
        prorated,
        minAmountCents,
        invoiceDisplayName,
        properties,
        pricing,
        pricingGroupKeys,
        filters,
        createdAt);
  }

  /** This charge with other filters. */
  public Charge withFilters(List<ChargeFilterDefinition> filters) {
    return new Charge(
        id,
        code,
        billableMetricId,
        chargeModel,
        payInAdvance,
        invoiceable,
        prorated,
        minAmountCents,
        invoiceDisplayName,
        properties,
        pricing,
        pricingGroupKeys,
        filters,
        createdAt);
  }
}
