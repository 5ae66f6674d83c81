package dev.billing.platform.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AcceptedEventMessageTest {

  @Test
  void shouldDeriveTheSameLagoIdAsANameBasedUuidOfTheEventsIdentity() {
    UUID org = UUID.fromString("8f9c4df1-d9ad-4e29-b737-7d2a8f1ed291");

    UUID id = AcceptedEventMessage.lagoId(org, "sub_1", "tx_é");

    assertThat(id)
        .isEqualTo(UUID.nameUUIDFromBytes((org + "/sub_1/tx_é").getBytes(StandardCharsets.UTF_8)));
    assertThat(id.version()).isEqualTo(3);
    assertThat(AcceptedEventMessage.lagoId(org, "sub_1", "tx_é")).isEqualTo(id);
    assertThat(AcceptedEventMessage.lagoId(org, "sub_2", "tx_é")).isNotEqualTo(id);
  }
}
