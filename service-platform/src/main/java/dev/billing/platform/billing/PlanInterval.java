package dev.billing.platform.billing;

import java.util.Arrays;
import java.util.Optional;

/** How often a plan's base fee recurs; the wire names are Lago's {@code plan.interval} values. */
public enum PlanInterval {
  /** Monday to Sunday in calendar billing. */
  WEEKLY("weekly", 0, 52),
  MONTHLY("monthly", 1, 12),
  QUARTERLY("quarterly", 3, 4),
  SEMIANNUAL("semiannual", 6, 2),
  YEARLY("yearly", 12, 1);

  private final String wireName;
  private final int months;
  private final int periodsPerYear;

  PlanInterval(String wireName, int months, int periodsPerYear) {
    this.wireName = wireName;
    this.months = months;
    this.periodsPerYear = periodsPerYear;
  }

  public String wireName() {
    return wireName;
  }

  /** Length in months; 0 for {@link #WEEKLY}, which is counted in weeks. */
  public int months() {
    return months;
  }

  /** The multiplier of Lago's {@code yearly_amount_cents} normalisation (52, 12, 4, 2, 1). */
  public int periodsPerYear() {
    return periodsPerYear;
  }

  /**
   * Lago lets usage be billed monthly only under these intervals ({@code bill_charges_monthly}).
   */
  public boolean allowsMonthlyCharges() {
    return this == YEARLY || this == SEMIANNUAL;
  }

  public static Optional<PlanInterval> fromWireName(String name) {
    return Arrays.stream(values()).filter(i -> i.wireName.equals(name)).findFirst();
  }
}
