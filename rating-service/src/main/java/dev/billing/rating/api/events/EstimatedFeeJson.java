package dev.billing.rating.api.events;

import dev.billing.platform.money.CurrencyUnit;
import dev.billing.rating.api.usage.CustomerUsageJson;
import dev.billing.rating.domain.usage.PayInAdvanceEstimator.EstimatedFee;
import dev.billing.rating.domain.usage.SubscriptionTerms;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;

/**
 * Lago's {@code FeeObject} for an estimate: not stored (no lago_id), no taxes yet (tax-service
 * comes later; the fields keep their places at zero).
 */
public record EstimatedFeeJson(
    String lagoId,
    String lagoChargeId,
    String lagoChargeFilterId,
    String lagoInvoiceId,
    String lagoSubscriptionId,
    String lagoCustomerId,
    String externalCustomerId,
    String externalSubscriptionId,
    long amountCents,
    String preciseAmount,
    String amountCurrency,
    long taxesAmountCents,
    String taxesPreciseAmount,
    int taxesRate,
    String units,
    String preciseUnitAmount,
    String totalAggregatedUnits,
    long totalAmountCents,
    String totalAmountCurrency,
    long subTotalExcludingTaxesAmountCents,
    String subTotalExcludingTaxesPreciseAmountCents,
    long eventsCount,
    boolean payInAdvance,
    boolean invoiceable,
    String fromDate,
    String toDate,
    String paymentStatus,
    String createdAt,
    String eventTransactionId,
    Item item,
    List<Object> appliedTaxes) {

  /**
   * @param type always "charge"
   * @param code the metric's code
   * @param name the metric's name
   * @param invoiceDisplayName the charge's label, or the metric's name
   * @param filterInvoiceDisplayName the filter's label, or null
   * @param filters the filter's values, or null
   * @param lagoItemId the metric's id
   * @param itemType always "BillableMetric"
   * @param groupedBy pricing group values
   */
  public record Item(
      String type,
      String code,
      String name,
      String invoiceDisplayName,
      String filterInvoiceDisplayName,
      Map<String, List<String>> filters,
      String lagoItemId,
      String itemType,
      Map<String, String> groupedBy) {}

  static EstimatedFeeJson of(
      EstimatedFee fee,
      SubscriptionTerms subscription,
      String transactionId,
      String currencyCode,
      CurrencyUnit currency) {
    BigDecimal precise = fee.fee().preciseAmount();
    BigDecimal preciseCents = fee.fee().preciseAmountCents(currency);
    BigDecimal units = fee.fee().units();
    BigDecimal unitAmount =
        units.signum() == 0 ? BigDecimal.ZERO : precise.divide(units, MathContext.DECIMAL64);
    long cents = fee.amount().minorUnits();
    var metric = fee.metric();
    var charge = fee.charge();
    return new EstimatedFeeJson(
        null,
        charge.id().toString(),
        fee.filter() == null ? null : fee.filter().id().toString(),
        null,
        subscription.id().toString(),
        subscription.customerId() == null ? null : subscription.customerId().toString(),
        subscription.externalCustomerId(),
        subscription.externalId(),
        cents,
        precise.stripTrailingZeros().toPlainString(),
        currencyCode,
        0,
        "0.0",
        0,
        CustomerUsageJson.units(units),
        unitAmount.stripTrailingZeros().toPlainString(),
        CustomerUsageJson.units(fee.totalUnits()),
        cents,
        currencyCode,
        cents,
        preciseCents.stripTrailingZeros().toPlainString(),
        fee.fee().eventsCount(),
        true,
        charge.invoiceable(),
        fee.period().start().toString(),
        fee.period().end().minusSeconds(1).toString(),
        "pending",
        null,
        transactionId,
        new Item(
            "charge",
            metric.code(),
            metric.definition().name(),
            charge.invoiceDisplayName() == null
                ? metric.definition().name()
                : charge.invoiceDisplayName(),
            fee.filter() == null ? null : fee.filter().invoiceDisplayName(),
            fee.filter() == null ? null : fee.filter().values(),
            metric.id().toString(),
            "BillableMetric",
            fee.groupedBy()),
        List.of());
  }
}
