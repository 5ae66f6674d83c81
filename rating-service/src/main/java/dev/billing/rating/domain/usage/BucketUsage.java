package dev.billing.rating.domain.usage;

import dev.billing.platform.money.Money;
import dev.billing.rating.domain.catalog.ChargeFilterDefinition;
import dev.billing.rating.domain.charge.ChargeAmount;
import java.math.BigDecimal;
import java.util.Map;

/**
 * The usage and price of one charge in one filter bucket and group: one fee line.
 *
 * @param filter the charge filter, or null for the default bucket
 * @param groupedBy pricing group values, empty without groups
 * @param units aggregated units after the metric's rounding
 * @param eventsCount events in the bucket
 * @param amount the precise price
 * @param money the price rounded to the currency's minor unit (HALF_UP, once)
 */
public record BucketUsage(
    ChargeFilterDefinition filter,
    Map<String, String> groupedBy,
    BigDecimal units,
    long eventsCount,
    ChargeAmount amount,
    Money money) {}
