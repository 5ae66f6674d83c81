package dev.billing.rating.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billing.platform.contracts.AcceptedEventMessage;
import dev.billing.platform.contracts.MessageCodec;
import dev.billing.platform.contracts.UndecodableMessageException;
import dev.billing.rating.domain.usage.PropertyValues;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one-pass reader must read what binding the contract's record reads: an event stored before it
 * and sent again must still be recognised as a retry (same properties, same content hash), and a
 * rebuild from the ledger must see the properties the live path metered.
 */
class AcceptedEventReaderTest {

  private static final String ORG = "7c1e4a52-5f0e-4c7e-9d55-0e3b0c8b1f2a";

  private static String message(String event) {
    return "{\"organization_id\":\""
        + ORG
        + "\",\"source\":\"http\",\"ingested_at_ms\":1764547200123,"
        + "\"timestamp_ms\":1764547200000,\"event\":"
        + event
        + "}";
  }

  static Stream<String> events() {
    return Stream.of(
        "{\"transaction_id\":\"t1\",\"code\":\"tokens\",\"external_subscription_id\":\"s1\","
            + "\"properties\":{\"tokens\":1500,\"model\":\"gpt-4o\"}}",
        "{\"transaction_id\":\"t2\",\"code\":\"gb\",\"external_subscription_id\":\"s1\","
            + "\"timestamp\":\"1764547200\",\"properties\":{\"gb\":1.50,\"big\":1e3,"
            + "\"neg\":-0.000,\"huge\":123456789012345678901234567890,\"flag\":true,"
            + "\"off\":false,\"gone\":null,\"text\":\"caf\\u00e9 \\\"q\\\"\"}}",
        "{\"properties\" : { \"nested\" : {\"a\":1,\"b\":[1,2.5,\"x\"]}, \"list\":[ ] } ,"
            + "\"code\":\"c\",\"external_subscription_id\":\"s2\",\"transaction_id\":\"t3\","
            + "\"unknown\":{\"deep\":[1,{\"x\":2}]}}",
        "{\"transaction_id\":\"t4\",\"code\":\"c\",\"external_subscription_id\":\"s3\","
            + "\"properties\":{\"a\":1,\"a\":2,\"b\":3,\"b\":null}}",
        "{\"transaction_id\":\"t5\",\"code\":\"dyn\",\"external_subscription_id\":\"s4\","
            + "\"precise_total_amount_cents\":\"1234.5678\",\"properties\":null}",
        "{\"transaction_id\":42,\"code\":\"c\",\"external_subscription_id\":\"s5\","
            + "\"precise_total_amount_cents\":12.5}");
  }

  @ParameterizedTest
  @MethodSource("events")
  void readsWhatTheContractsRecordReads(String event) {
    String json = message(event);
    AcceptedEventMessage bound = MessageCodec.decode(json, AcceptedEventMessage.class);
    Map<String, Object> boundProperties =
        bound.event().properties() == null ? Map.of() : bound.event().properties();

    AcceptedEventReader.Read read = AcceptedEventReader.read(json);

    assertThat(read.organizationId()).isEqualTo(bound.organizationId());
    assertThat(read.ingestedAtMs()).isEqualTo(bound.ingestedAtMs());
    assertThat(read.timestampMs()).isEqualTo(bound.timestampMs());
    assertThat(read.transactionId()).isEqualTo(bound.event().transactionId());
    assertThat(read.code()).isEqualTo(bound.event().code());
    assertThat(read.externalSubscriptionId()).isEqualTo(bound.event().externalSubscriptionId());
    assertThat(read.preciseTotalAmountCents()).isEqualTo(bound.event().preciseTotalAmountCents());
    assertThat(read.properties())
        .containsExactlyEntriesOf(PropertyValues.asStrings(boundProperties));
    // what a rebuild reads back from the ledger
    assertThat(PropertyValues.asStrings(MessageCodec.decode(read.propertiesJson(), Map.class)))
        .containsExactlyEntriesOf(read.properties());
  }

  @Test
  void numbersKeepTheirPlainTextAndNullsAreAbsent() {
    AcceptedEventReader.Read read =
        AcceptedEventReader.read(
            message(
                "{\"transaction_id\":\"t\",\"code\":\"c\",\"external_subscription_id\":\"s\","
                    + "\"properties\":{\"gb\":1.50,\"big\":1e3,\"n\":7,\"gone\":null,"
                    + "\"nested\":{\"a\":1}}}"));
    assertThat(read.properties())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("gb", "1.50", "big", "1000", "n", "7", "nested", "{a=1}"));
    assertThat(read.propertiesJson())
        .isEqualTo("{\"gb\":1.50,\"big\":1e3,\"n\":7,\"gone\":null,\"nested\":{\"a\":1}}");
  }

  @Test
  void anEventWithoutPropertiesIsStoredWithAnEmptyObject() {
    AcceptedEventReader.Read read =
        AcceptedEventReader.read(
            message(
                "{\"transaction_id\":\"t\",\"code\":\"c\",\"external_subscription_id\":\"s\"}"));
    assertThat(read.properties()).isEmpty();
    assertThat(read.propertiesJson()).isEqualTo("{}");
  }

  @Test
  void whatIsNotAnAcceptedEventIsUndecodable() {
    for (String bad :
        List.of(
            "not json",
            "[]",
            "{\"organization_id\":\"" + ORG + "\"}",
            message("{\"code\":\"c\",\"external_subscription_id\":\"s\"}"),
            message("{\"transaction_id\":\"t\",\"code\":\"c\"}"),
            message("[1]"),
            message(
                "{\"transaction_id\":{\"x\":1},\"code\":\"c\",\"external_subscription_id\":\"s\"}"),
            message(
                "{\"transaction_id\":\"t\",\"code\":\"c\",\"external_subscription_id\":\"s\","
                    + "\"properties\":[1]}"),
            message("{\"transaction_id\":\"t\",\"code\":\"c\",\"external_subscription_id\":\"s\"")
                .replace(ORG, "not-a-uuid"),
            "{\"organization_id\":\"not-a-uuid\",\"event\":{\"transaction_id\":\"t\","
                + "\"code\":\"c\",\"external_subscription_id\":\"s\"}}",
            "{\"organization_id\":\""
                + ORG
                + "\",\"timestamp_ms\":\"soon\",\"event\":{\"transaction_id\":\"t\","
                + "\"code\":\"c\",\"external_subscription_id\":\"s\"}}")) {
      assertThatThrownBy(() -> AcceptedEventReader.read(bad))
          .as(bad)
          .isInstanceOf(UndecodableMessageException.class);
    }
  }
}
