package dev.billing.rating.domain.charge;

import dev.billing.platform.money.CurrencyUnit;
import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The aggregated usage of one charge (or one filter or group bucket) in a period.
 *
 * @param units aggregated units, already rounded by the metric's rounding rule
 * @param eventsCount number of events behind {@code units}
 * @param eventValues each event's value in timestamp order; only the percentage model reads it, and
 *     only when free units or per-transaction bounds are set
 * @param preciseTotalAmountCents sum of the events' {@code precise_total_amount_cents} (dynamic)
 * @param currency the plan's currency
 */
public record ChargeInput(
    BigDecimal units,
    long eventsCount,
    List<BigDecimal> eventValues,
    BigDecimal preciseTotalAmountCents,
    CurrencyUnit currency) {

  public ChargeInput {
    Objects.requireNonNull(units, "units");
    Objects.requireNonNull(currency, "currency");
    if (eventsCount < 0) {
      throw new IllegalArgumentException("eventsCount must not be negative");
    }
    eventValues = eventValues == null ? List.of() : List.copyOf(eventValues);
    preciseTotalAmountCents =
        preciseTotalAmountCents == null ? BigDecimal.ZERO : preciseTotalAmountCents;
  }

  /** Usage with no per-event values and no dynamic amounts. */
  public static ChargeInput of(BigDecimal units, long eventsCount, CurrencyUnit currency) {
    return new ChargeInput(units, eventsCount, List.of(), BigDecimal.ZERO, currency);
  }

  public ChargeInput withEventValues(List<BigDecimal> values) {
    return new ChargeInput(units, eventsCount, values, preciseTotalAmountCents, currency);
  }

  public ChargeInput withPreciseTotalAmountCents(BigDecimal cents) {
    return new ChargeInput(units, eventsCount, eventValues, cents, currency);
  }
}
