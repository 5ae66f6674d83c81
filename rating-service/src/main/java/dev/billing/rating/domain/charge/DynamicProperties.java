package dev.billing.rating.domain.charge;

/** Dynamic model: the price travels with each event ({@code precise_total_amount_cents}). */
public record DynamicProperties() implements ChargeProperties {

  @Override
  public ChargeModel model() {
    return ChargeModel.DYNAMIC;
  }
}
