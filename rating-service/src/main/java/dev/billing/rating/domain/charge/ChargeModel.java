package dev.billing.rating.domain.charge;

import java.util.Optional;

/** Lago's charge models, by their wire names ({@code charge_model} in the API). */
public enum ChargeModel {
  STANDARD("standard"),
  GRADUATED("graduated"),
  GRADUATED_PERCENTAGE("graduated_percentage"),
  PACKAGE("package"),
  PERCENTAGE("percentage"),
  VOLUME("volume"),
  DYNAMIC("dynamic");

  private final String wireName;

  ChargeModel(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** The model for a wire name; empty for unknown names (including Lago's premium "custom"). */
  public static Optional<ChargeModel> fromWire(String wireName) {
    for (ChargeModel model : values()) {
      if (model.wireName.equals(wireName)) {
        return Optional.of(model);
      }
    }
    return Optional.empty();
  }
}
