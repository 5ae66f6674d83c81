package dev.billing.ingest.domain.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.RepeatedTest;

class UuidsTest {

  @RepeatedTest(20)
  void shouldWriteTheCanonicalText() {
    UUID uuid = UUID.randomUUID();
    byte[] out = new byte[40];

    int end = Uuids.writeAscii(uuid, out, 2);

    assertThat(end).isEqualTo(38);
    assertThat(new String(out, 2, 36, StandardCharsets.US_ASCII)).isEqualTo(uuid.toString());
  }
}
