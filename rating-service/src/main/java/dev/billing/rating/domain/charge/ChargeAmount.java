package dev.billing.rating.domain.charge;

import dev.billing.platform.money.CurrencyUnit;
import dev.billing.platform.money.Money;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * What a charge model produced: the unrounded amount in major units and the usage it prices. Round
 * it once, when the fee is made, with {@link #toMoney}.
 */
public record ChargeAmount(BigDecimal preciseAmount, BigDecimal units, long eventsCount) {

  public ChargeAmount {
    Objects.requireNonNull(preciseAmount, "preciseAmount");
    Objects.requireNonNull(units, "units");
  }

  /** The fee amount: {@code preciseAmount} rounded HALF_UP to the currency's minor unit. */
  public Money toMoney(CurrencyUnit currency) {
    return Money.roundedFrom(preciseAmount, currency);
  }

  /** Lago's {@code precise_amount_cents}: the unrounded amount in minor units. */
  public BigDecimal preciseAmountCents(CurrencyUnit currency) {
    return preciseAmount.movePointRight(currency.exponent());
  }
}
