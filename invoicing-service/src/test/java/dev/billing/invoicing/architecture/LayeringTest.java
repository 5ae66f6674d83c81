package dev.billing.invoicing.architecture;

import dev.billing.testkit.Layering;
import org.junit.jupiter.api.Test;

class LayeringTest {

  @Test
  void shouldKeepUseCasesInTheApplicationLayerAndPackagesFreeOfCycles() {
    Layering.checkApplicationLayer("dev.billing.invoicing");
  }
}
