package dev.billing.invoicing.architecture;

import dev.billing.testkit.Layering;
import org.junit.jupiter.api.Test;

class LayeringTest {

  @Test
  void shouldKeepTheDomainPureAndTheApiOutermost() {
    Layering.check("dev.billing.invoicing", "scheduling", "billing", "notification");
  }
}
