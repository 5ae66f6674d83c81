package dev.billing.rating.api.catalog;

import dev.billing.rating.domain.catalog.Charge;
import dev.billing.rating.domain.catalog.ChargeFilterDefinition;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Lago's {@code ChargeObject}. Taxes, pricing units and target wallets are not supported: {@code
 * taxes} is empty, {@code regroup_paid_fees} and {@code lago_parent_id} are null.
 */
public record ChargeJson(
    String lagoId,
    String lagoBillableMetricId,
    String billableMetricCode,
    String code,
    String invoiceDisplayName,
    Instant createdAt,
    String chargeModel,
    boolean invoiceable,
    String regroupPaidFees,
    boolean payInAdvance,
    boolean prorated,
    long minAmountCents,
    boolean acceptsTargetWallet,
    Map<String, Object> properties,
    List<Filter> filters,
    List<Object> taxes,
    String lagoParentId) {

  /**
   * Lago's {@code ChargeFilterObject}.
   *
   * @param lagoId the filter's lago_id
   * @param chargeCode its charge's code
   * @param invoiceDisplayName label on invoices, or null
   * @param properties its price
   * @param values metric filter key to the values it matches
   */
  public record Filter(
      String lagoId,
      String chargeCode,
      String invoiceDisplayName,
      Map<String, Object> properties,
      Map<String, List<String>> values) {}

  public static ChargeJson of(Charge c, Map<UUID, String> metricCodes) {
    return new ChargeJson(
        c.id().toString(),
        c.billableMetricId().toString(),
        metricCodes.get(c.billableMetricId()),
        c.code(),
        c.invoiceDisplayName(),
        c.createdAt().truncatedTo(ChronoUnit.SECONDS),
        c.chargeModel().wireName(),
        c.invoiceable(),
        null,
        c.payInAdvance(),
        c.prorated(),
        c.minAmountCents(),
        false,
        c.properties(),
        c.filters().stream().map(f -> filter(c, f)).toList(),
        List.of(),
        null);
  }

  private static Filter filter(Charge charge, ChargeFilterDefinition f) {
    return new Filter(
        f.id().toString(), charge.code(), f.invoiceDisplayName(), f.properties(), f.values());
  }
}
