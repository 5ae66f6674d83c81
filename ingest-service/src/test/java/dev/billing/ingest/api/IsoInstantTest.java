package dev.billing.ingest.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoInstantTest {

  @ParameterizedTest
  @ValueSource(
      longs = {0L, 1L, 999L, 1_764_072_000_123L, 951_782_400_000L, -1L, 253_402_300_799_999L})
  void shouldWriteWhatJavaTimeWrites(long millis) {
    Instant instant = Instant.ofEpochMilli(millis);
    String expectedMillis = instant.toString().replace("Z", "");
    if (!expectedMillis.contains(".")) {
      expectedMillis += ".000";
    }

    assertThat(written(millis, true)).isEqualTo("\"" + expectedMillis + "Z\"");
    assertThat(written(millis, false))
        .isEqualTo("\"" + instant.truncatedTo(ChronoUnit.SECONDS) + "\"");
  }

  private static String written(long millis, boolean withMillis) {
    ResponseBytes out = new ResponseBytes(8);
    if (withMillis) {
      IsoInstant.writeMillis(out, millis);
    } else {
      IsoInstant.writeSeconds(out, millis);
    }
    return new String(out.toByteArray(), StandardCharsets.US_ASCII);
  }
}
