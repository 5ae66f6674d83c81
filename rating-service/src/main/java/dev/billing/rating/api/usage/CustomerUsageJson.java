package dev.billing.rating.api.usage;

import dev.billing.platform.money.Currencies;
import dev.billing.platform.money.CurrencyUnit;
import dev.billing.platform.money.Money;
import dev.billing.rating.app.usage.UsageQuery.PeriodUsage;
import dev.billing.rating.domain.usage.BucketUsage;
import dev.billing.rating.domain.usage.ChargeUsage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lago's {@code CustomerUsageObject} and its parts. */
public record CustomerUsageJson(
    String fromDatetime,
    String toDatetime,
    String issuingDate,
    String lagoInvoiceId,
    String currency,
    long amountCents,
    long taxesAmountCents,
    long totalAmountCents,
    List<ChargeUsageJson> chargesUsage) {

  /**
   * @param units total units (string, as Lago)
   * @param totalAggregatedUnits the same before any proration
   * @param eventsCount events
   * @param amountCents sum of the charge's rounded fee lines
   * @param amountCurrency ISO 4217
   * @param charge the charge
   * @param billableMetric its metric
   * @param filters usage per filter bucket
   * @param groupedUsage usage per pricing group
   */
  public record ChargeUsageJson(
      String units,
      String totalAggregatedUnits,
      long eventsCount,
      long amountCents,
      String amountCurrency,
      ChargeRef charge,
      MetricRef billableMetric,
      List<FilterUsageJson> filters,
      List<GroupUsageJson> groupedUsage) {}

  /**
   * @param lagoId charge id
   * @param chargeModel its model
   * @param invoiceDisplayName label, or null
   */
  public record ChargeRef(String lagoId, String chargeModel, String invoiceDisplayName) {}

  /**
   * @param lagoId metric id
   * @param name name
   * @param code code
   * @param aggregationType aggregation
   */
  public record MetricRef(String lagoId, String name, String code, String aggregationType) {}

  /**
   * @param units units
   * @param totalAggregatedUnits units
   * @param amountCents rounded amount
   * @param eventsCount events
   * @param invoiceDisplayName the filter's label, or null
   * @param values the filter's values (empty for the default bucket)
   */
  public record FilterUsageJson(
      String units,
      String totalAggregatedUnits,
      long amountCents,
      long eventsCount,
      String invoiceDisplayName,
      Map<String, List<String>> values) {}

  /**
   * @param amountCents rounded amount of the group
   * @param eventsCount events
   * @param units units
   * @param totalAggregatedUnits units
   * @param groupedBy the group's values
   * @param filters the group's filter buckets
   */
  public record GroupUsageJson(
      long amountCents,
      long eventsCount,
      String units,
      String totalAggregatedUnits,
      Map<String, String> groupedBy,
      List<FilterUsageJson> filters) {}

  static CustomerUsageJson of(PeriodUsage usage) {
    CurrencyUnit currency = Currencies.of(usage.currency());
    Money zero = Money.zero(currency);
    List<ChargeUsageJson> charges = new ArrayList<>();
    Money total = zero;
    for (ChargeUsage charge : usage.charges()) {
      Money amount = charge.amount(zero);
      total = total.plus(amount);
      charges.add(charge(charge, amount, usage.currency()));
    }
    var sub = usage.subscription();
    var from =
        sub.startedAt() != null && sub.startedAt().isAfter(usage.period().start())
            ? sub.startedAt()
            : usage.period().start();
    var end = usage.period().end();
    if (sub.terminatedAt() != null && sub.terminatedAt().isBefore(end)) {
      end = sub.terminatedAt().plusSeconds(1);
    }
    LocalDate issuing = usage.period().end().atZone(sub.zone()).toLocalDate();
    return new CustomerUsageJson(
        from.truncatedTo(ChronoUnit.SECONDS).toString(),
        end.minusSeconds(1).truncatedTo(ChronoUnit.SECONDS).toString(),
        issuing.toString(),
        null,
        usage.currency(),
        total.minorUnits(),
        0,
        total.minorUnits(),
        charges);
  }

  private static ChargeUsageJson charge(ChargeUsage usage, Money amount, String currency) {
    var charge = usage.charge();
    var metric = usage.metric();
    String units = units(usage.units());
    return new ChargeUsageJson(
        units,
        units,
        usage.eventsCount(),
        amount.minorUnits(),
        currency,
        new ChargeRef(
            charge.id().toString(), charge.chargeModel().wireName(), charge.invoiceDisplayName()),
        new MetricRef(
            metric.id().toString(),
            metric.definition().name(),
            metric.code(),
            metric.definition().aggregationType().wireName()),
        charge.filters().isEmpty() ? List.of() : filters(usage.buckets()),
        charge.pricingGroupKeys().isEmpty() ? List.of() : groups(usage.buckets()));
  }

  private static List<FilterUsageJson> filters(List<BucketUsage> buckets) {
    return buckets.stream()
        .filter(b -> b.filter() != null || b.eventsCount() > 0)
        .map(CustomerUsageJson::filter)
        .toList();
  }

  private static FilterUsageJson filter(BucketUsage b) {
    String units = units(b.units());
    return new FilterUsageJson(
        units,
        units,
        b.money().minorUnits(),
        b.eventsCount(),
        b.filter() == null ? null : b.filter().invoiceDisplayName(),
        b.filter() == null ? Map.of() : b.filter().values());
  }

  private static List<GroupUsageJson> groups(List<BucketUsage> buckets) {
    Map<Map<String, String>, List<BucketUsage>> byGroup = new LinkedHashMap<>();
    buckets.stream()
        .filter(b -> !b.groupedBy().isEmpty())
        .forEach(b -> byGroup.computeIfAbsent(b.groupedBy(), g -> new ArrayList<>()).add(b));
    List<GroupUsageJson> groups = new ArrayList<>();
    byGroup.forEach(
        (group, inGroup) -> {
          BigDecimal units =
              inGroup.stream().map(BucketUsage::units).reduce(BigDecimal.ZERO, BigDecimal::add);
          long amount = inGroup.stream().mapToLong(b -> b.money().minorUnits()).sum();
          long events = inGroup.stream().mapToLong(BucketUsage::eventsCount).sum();
          groups.add(
              new GroupUsageJson(
                  amount,
                  events,
                  units(units),
                  units(units),
                  group,
                  inGroup.stream()
                      .filter(b -> b.filter() != null)
                      .map(CustomerUsageJson::filter)
                      .toList()));
        });
    return groups;
  }

  /** Units as Lago writes them: "0.0" for none, else the plain number. */
  public static String units(BigDecimal units) {
    return units.signum() == 0 ? "0.0" : units.stripTrailingZeros().toPlainString();
  }
}
