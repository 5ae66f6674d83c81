package dev.billing.rating.domain.charge;

import java.util.List;

/** Graduated model: each tier reached is billed at its own price plus its flat amount. */
public record GraduatedProperties(List<GraduatedRange> ranges) implements ChargeProperties {

  public GraduatedProperties {
    ranges = List.copyOf(ranges);
  }

  @Override
  public ChargeModel model() {
    return ChargeModel.GRADUATED;
  }
}
