package dev.billing.platform.money;

/**
 * An ISO 4217 currency as billing needs it: its code and how many decimal places its minor unit has
 * (USD 2, JPY 0, KWD 3).
 *
 * @param code alphabetic ISO 4217 code, upper case
 * @param numericCode three-digit ISO 4217 numeric code
 * @param exponent number of decimal places of the minor unit
 * @param legacy withdrawn from ISO 4217 but still accepted because Lago's API accepts it
 */
public record CurrencyUnit(String code, String numericCode, int exponent, boolean legacy) {}
