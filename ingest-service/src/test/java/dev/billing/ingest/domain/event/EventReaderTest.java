package dev.billing.ingest.domain.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.billing.platform.error.ValidationErrors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EventReaderTest {

  private static final JsonFactory JSON =
      JsonFactory.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
  private static final EventReader READER = new EventReader(new EventLimits(255, 10, 3));

  @Test
  void shouldKeepTheEventAndItsPropertiesAsSent() throws IOException {
    String json =
        "{\"transaction_id\":\"t\",\"code\":\"c\",\"external_subscription_id\":\"s\","
            + "\"properties\":{ \"a\" : 1.50 },\"extra\":{\"ignored\":[1]}}";
    ValidationErrors errors = new ValidationErrors();

    ParsedEvent event = read(json, errors);

    assertThat(errors.isEmpty()).isTrue();
    assertThat(slice(event, event.start(), event.end())).isEqualTo(json);
    assertThat(slice(event, event.propertiesStart(), event.propertiesEnd()))
        .isEqualTo("{ \"a\" : 1.50 }");
  }

  @Test
  void shouldLocateEachIdAsItsJsonStringTokenWithEscapes() throws IOException {
    ParsedEvent event =
        read(
            "{\"transaction_id\": \"t\\\"1\" ,\"code\":\"caf\\u00e9\","
                + "\"external_subscription_id\":\"s\"}",
            new ValidationErrors());
    int[] at = event.idTokens();

    assertThat(event.transactionId()).isEqualTo("t\"1");
    assertThat(slice(event, at[ParsedEvent.TRANSACTION_ID], at[ParsedEvent.TRANSACTION_ID + 1]))
        .isEqualTo("\"t\\\"1\"");
    assertThat(slice(event, at[ParsedEvent.CODE], at[ParsedEvent.CODE + 1]))
        .isEqualTo("\"caf\\u00e9\"");
    assertThat(
            slice(
                event,
                at[ParsedEvent.EXTERNAL_SUBSCRIPTION_ID],
                at[ParsedEvent.EXTERNAL_SUBSCRIPTION_ID + 1]))
        .isEqualTo("\"s\"");
  }

  @ParameterizedTest(name = "timestamp {0} -> {1} ms")
  @CsvSource({
    "1764072000, 1764072000000",
    "1764072000.123, 1764072000123",
    "1764072000.1239, 1764072000123",
    "'\"1764072000.5\"', 1764072000500"
  })
  void shouldReadUnixSecondsAsNumbersOrStrings(String timestamp, long millis) throws IOException {
    ValidationErrors errors = new ValidationErrors();

    ParsedEvent event =
        read(
            "{\"transaction_id\":\"t\",\"code\":\"c\",\"external_subscription_id\":\"s\","
                + "\"timestamp\":"
                + timestamp
                + "}",
            errors);

    assertThat(errors.isEmpty()).isTrue();
    assertThat(event.timestampMillis(42)).isEqualTo(millis);
  }

  @Test
  void shouldUseTheReceiveTimeWithoutATimestamp() throws IOException {
    ParsedEvent event =
        read(
            "{\"transaction_id\":\"t\",\"code\":\"c\",\"external_subscription_id\":\"s\"}",
            new ValidationErrors());

    assertThat(event.timestampMillis(42)).isEqualTo(42);
  }

  @Test
  void shouldReportEveryProblemByField() throws IOException {
    ValidationErrors errors = new ValidationErrors();

    read(
        "{\"transaction_id\":7,\"code\":null,\"timestamp\":NaN,"
            + "\"properties\":{\"a\":\"12345678901\",\"b\":{},\"c\":Infinity,\"d\":1}}",
        errors);

    assertThat(errors.details())
        .containsEntry("transaction_id", List.of("value_is_invalid"))
        .containsEntry("code", List.of("value_is_mandatory"))
        .containsEntry("external_subscription_id", List.of("value_is_mandatory"))
        .containsEntry("timestamp", List.of("invalid_format"))
        .containsEntry("properties.a", List.of("value_is_too_long"))
        .containsEntry("properties.b", List.of("nested_value_not_allowed"))
        .containsEntry("properties.c", List.of("value_is_not_a_finite_number"))
        .containsEntry("properties", List.of("too_many_properties"));
  }

  private static ParsedEvent read(String json, ValidationErrors errors) throws IOException {
    byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
    try (JsonParser p = JSON.createParser(bytes)) {
      p.nextToken();
      return READER.read(p, bytes, errors);
    }
  }

  private static String slice(ParsedEvent event, int from, int to) {
    return new String(event.source(), from, to - from, StandardCharsets.UTF_8);
  }
}
