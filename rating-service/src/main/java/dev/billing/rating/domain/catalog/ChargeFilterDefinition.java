package dev.billing.rating.domain.catalog;

import dev.billing.rating.domain.charge.ChargeFilter;
import dev.billing.rating.domain.charge.ChargeProperties;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One filter of a charge: the property values it matches and its own price.
 *
 * @param id its lago_id (a fee per filter carries it)
 * @param invoiceDisplayName label on invoices, or null
 * @param values metric filter key to the values this filter matches
 * @param properties the price as Lago sent it (for answers)
 * @param pricing the parsed price
 */
public record ChargeFilterDefinition(
    UUID id,
    String invoiceDisplayName,
    Map<String, List<String>> values,
    Map<String, Object> properties,
    ChargeProperties pricing) {

  public ChargeFilter matcherFilter() {
    return new ChargeFilter(values);
  }
}
