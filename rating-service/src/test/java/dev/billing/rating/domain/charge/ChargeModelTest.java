package dev.billing.rating.domain.charge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ChargeModelTest {

  @Test
  void shouldRoundTripEveryWireNameWhenModelIsKnown() {
    assertThat(Arrays.stream(ChargeModel.values()).map(ChargeModel::wireName))
        .containsExactly(
            "standard",
            "graduated",
            "graduated_percentage",
            "package",
            "percentage",
            "volume",
            "dynamic");
    for (ChargeModel model : ChargeModel.values()) {
      assertThat(ChargeModel.fromWire(model.wireName())).contains(model);
    }
  }

  @Test
  void shouldBeEmptyWhenWireNameIsUnknown() {
    assertThat(ChargeModel.fromWire("custom")).isEmpty();
    assertThat(ChargeModel.fromWire("STANDARD")).isEmpty();
    assertThat(ChargeModel.fromWire(null)).isEmpty();
  }
}
