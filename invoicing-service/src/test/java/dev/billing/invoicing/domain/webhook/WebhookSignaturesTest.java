package dev.billing.invoicing.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Signature;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WebhookSignaturesTest {

  @Test
  void shouldComputeTheRfc4231HmacSha256InBase64() {
    // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?"
    assertThat(WebhookSignatures.hmac("Jefe", "what do ya want for nothing?"))
        .isEqualTo(
            Base64.getEncoder()
                .encodeToString(
                    java.util.HexFormat.of()
                        .parseHex(
                            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")));
  }

  @Test
  void shouldSignAnRs256JwtWhoseDataClaimIsTheBodyWithEveryCharacterEscaped() throws Exception {
    KeyPair keys = RsaKeys.generate();
    String body = "{\"a\":\"quote \\\" back\\\\slash \u00e9 \u0001\"}\n";

    String[] jwt =
        WebhookSignatures.jwt(body, "https://api.example", keys.getPrivate()).split("\\.");

    assertThat(decode(jwt[0])).isEqualTo("{\"alg\":\"RS256\"}");
    String claims = decode(jwt[1]);
    assertThat(claims).startsWith("{\"data\":\"").endsWith(",\"iss\":\"https://api.example\"}");
    assertThat(
            new com.fasterxml.jackson.databind.ObjectMapper().readTree(claims).get("data").asText())
        .isEqualTo(body);
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initVerify(keys.getPublic());
    rsa.update((jwt[0] + "." + jwt[1]).getBytes(StandardCharsets.US_ASCII));
    assertThat(rsa.verify(Base64.getUrlDecoder().decode(jwt[2]))).isTrue();
  }

  private static String decode(String part) {
    return new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8);
  }
}
