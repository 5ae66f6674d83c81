package dev.billing.ingest.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billing.ingest.domain.event.ParsedEvent;
import dev.billing.platform.contracts.AcceptedEventMessage;
import dev.billing.platform.contracts.MessageCodec;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The hand-written encoder and the contract record agree. */
class AcceptedEventEncoderTest {

  @Test
  void shouldEncodeWhatTheContractDecodes() {
    String source =
        "xx{\"transaction_id\":\"t\",\"code\":\"c\",\"external_subscription_id\":\"é\","
            + "\"properties\":{\"n\":2}}yy";
    byte[] bytes = source.getBytes(StandardCharsets.UTF_8);
    ParsedEvent event =
        new ParsedEvent(
            null,
            "t",
            "c",
            "é",
            new BigDecimal("1.5"),
            null,
            bytes,
            2,
            bytes.length - 2,
            -1,
            -1,
            new int[6]);
    UUID org = UUID.randomUUID();

    AcceptedEventMessage message =
        MessageCodec.decode(
            new String(AcceptedEventEncoder.encode(org, "http", 99, event), StandardCharsets.UTF_8),
            AcceptedEventMessage.class);

    assertThat(message.organizationId()).isEqualTo(org);
    assertThat(message.source()).isEqualTo("http");
    assertThat(message.ingestedAtMs()).isEqualTo(99);
    assertThat(message.timestampMs()).isEqualTo(1500);
    assertThat(message.event().externalSubscriptionId()).isEqualTo("é");
    assertThat(message.event().properties()).containsEntry("n", 2);
  }
}
