package dev.billing.rating.architecture;

import dev.billing.testkit.Layering;
import org.junit.jupiter.api.Test;

class LayeringTest {

  @Test
  void shouldKeepTheDomainPureTheUseCasesInAppAndNoPackageCycles() {
    Layering.checkApplicationLayer("dev.billing.rating");
  }
}
