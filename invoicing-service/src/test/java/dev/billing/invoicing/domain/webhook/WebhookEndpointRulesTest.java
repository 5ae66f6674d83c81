package dev.billing.invoicing.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WebhookEndpointRulesTest {

  @ParameterizedTest
  @CsvSource({
    "https://hooks.example.com/lago, true",
    "http://127.0.0.1:8080/x, true",
    "ftp://hooks.example.com, false",
    "hooks.example.com/lago, false",
    "https://, false",
    "'https://exa mple.com', false"
  })
  void shouldAcceptOnlyAbsoluteHttpUrlsWithAHost(String url, boolean valid) {
    assertThat(WebhookEndpointRules.isHttpUrl(url)).isEqualTo(valid);
    assertThat(WebhookEndpointRules.validate(url, null, null).isEmpty()).isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({"jwt, true", "hmac, true", "HMAC, false", "rs512, false"})
  void shouldAcceptOnlyLagosSignatureAlgorithms(String algo, boolean valid) {
    assertThat(WebhookEndpointRules.validate("https://x.example", algo, null).isEmpty())
        .isEqualTo(valid);
  }

  @ParameterizedTest
  @CsvSource({"invoice.created, true", "subscription.terminated, true", "invoice.exploded, false"})
  void shouldAcceptOnlyKnownEventTypes(String type, boolean valid) {
    assertThat(WebhookEndpointRules.validate("https://x.example", null, List.of(type)).isEmpty())
        .isEqualTo(valid);
  }
}
