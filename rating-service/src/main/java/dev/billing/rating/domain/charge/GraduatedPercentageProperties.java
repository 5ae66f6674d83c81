package dev.billing.rating.domain.charge;

import java.util.List;

/** Graduated percentage model: each tier reached is billed at its rate plus its flat amount. */
public record GraduatedPercentageProperties(List<GraduatedPercentageRange> ranges)
    implements ChargeProperties {

  public GraduatedPercentageProperties {
    ranges = List.copyOf(ranges);
  }

  @Override
  public ChargeModel model() {
    return ChargeModel.GRADUATED_PERCENTAGE;
  }
}
