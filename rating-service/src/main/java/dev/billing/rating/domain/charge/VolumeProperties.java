package dev.billing.rating.domain.charge;

import java.util.List;

/** Volume model: all units are billed at the price of the single tier the total falls in. */
public record VolumeProperties(List<VolumeRange> ranges) implements ChargeProperties {

  public VolumeProperties {
    ranges = List.copyOf(ranges);
  }

  @Override
  public ChargeModel model() {
    return ChargeModel.VOLUME;
  }
}
