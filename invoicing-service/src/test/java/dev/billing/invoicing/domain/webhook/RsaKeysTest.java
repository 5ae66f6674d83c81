package dev.billing.invoicing.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class RsaKeysTest {

  /** Written by {@code openssl genrsa -traditional 1024} (PKCS#1), a test-only key. */
  private static final String PKCS1_PEM =
      ""
          + "-----BEGIN RSA PRIVATE KEY-----\n"
          + "MIICXgIBAAKBgQCf31wzLObPGQnTFMXDn2yMcRuiiu4wr/Kbb0zWu0+3pCOwISwe\n"
          + "wPCrhVKr96HI2SM+xsgiiAktJ7l0FGmHaGcZ/pT+01k6esZ/9lyjvLu/kXuSAwVV\n"
          + "A4myrdk165d5CL6EPMlonF+QoRWjCR7yulOse+FVglSDuusOzVDaVbtjWwIDAQAB\n"
          + "AoGBAI4MMamuva1I+/e2vzjfT91BKmKzuos76f29WLJ6X4w1pRf7gW4Z1D0yCpCN\n"
          + "SAxjEfPXPz+fSzf50ceX02PimaeRJ+AO9gcaEeUIXDG9z1zPt+aQAzapRCBsKnIa\n"
          + "iHY40gxdNesunUQDGyi0Ve+zno2XuF8liCLUn8b3plVhWmcRAkEA1DPLknrkYJUW\n"
          + "mrSrANo/HL7u1Sm2Kf3dHqP2G9cSJVCNcuS259yphcIARjVvwo607p7fpVOXV+6s\n"
          + "04CaO2bwVQJBAMDemLw63uGkhV7Z7nAHr5JJO1QmstViQTvXJf3m7aPUo+KnAvKP\n"
          + "QPd5QHqE1bWTom/kX9+Ff5dMxH3x2gVQ9O8CQQCyJJFf9T9IPaDuW4G7g3y8OyXx\n"
          + "WcUN14sMMAVqNdGL9eXpcEyEteCy47yrNC0QnhESydlix5wkO8BnBm10NOTJAkA7\n"
          + "wLrxFgwXPDFVwY7thnQOjkGjQJoHIfmz4GQU1YaqSya7AaMYIumtwhMH4j+Tkbmx\n"
          + "kL9jMKjm5xG5M0SogPxhAkEAkLgXJmqt8FSW6WZRhCmnagwDFErs1EX2MhELN5LI\n"
          + "tIizf3ltkhFPNbciVLee5ct8rMCtwn3FMMxDM0DQZvfnOg==\n"
          + "-----END RSA PRIVATE KEY-----\n";

  /** {@code openssl rsa -pubout} of the same key. */
  private static final String OPENSSL_PUBLIC_PEM =
      ""
          + "-----BEGIN PUBLIC KEY-----\n"
          + "MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQCf31wzLObPGQnTFMXDn2yMcRui\n"
          + "iu4wr/Kbb0zWu0+3pCOwISwewPCrhVKr96HI2SM+xsgiiAktJ7l0FGmHaGcZ/pT+\n"
          + "01k6esZ/9lyjvLu/kXuSAwVVA4myrdk165d5CL6EPMlonF+QoRWjCR7yulOse+FV\n"
          + "glSDuusOzVDaVbtjWwIDAQAB\n"
          + "-----END PUBLIC KEY-----\n";

  @Test
  void shouldReadAnOpensslPkcs1KeyAndDeriveTheSamePublicKeyAsOpenssl() {
    PrivateKey key = RsaKeys.parsePrivateKey(PKCS1_PEM);
    assertThat(RsaKeys.publicKeyPem(RsaKeys.publicKeyOf(key))).isEqualTo(OPENSSL_PUBLIC_PEM);
  }

  @Test
  void shouldReadTheKeyBase64EncodedLikeLagosRsaPrivateKeyVariable() {
    String lagoStyle =
        Base64.getMimeEncoder().encodeToString(PKCS1_PEM.getBytes(StandardCharsets.US_ASCII));
    PrivateKey key = RsaKeys.parsePrivateKey(lagoStyle);
    assertThat(RsaKeys.publicKeyPem(RsaKeys.publicKeyOf(key))).isEqualTo(OPENSSL_PUBLIC_PEM);
  }

  @Test
  void shouldReadBackAPkcs8PemItWrote() {
    KeyPair pair = RsaKeys.generate();
    PrivateKey read = RsaKeys.parsePrivateKey(RsaKeys.privateKeyPem(pair.getPrivate()));
    assertThat(read.getEncoded()).isEqualTo(pair.getPrivate().getEncoded());
    assertThat(RsaKeys.publicKeyOf(read).getEncoded()).isEqualTo(pair.getPublic().getEncoded());
  }

  @Test
  void shouldRefuseTextThatIsNoRsaPrivateKey() {
    assertThatThrownBy(() -> RsaKeys.parsePrivateKey("-----BEGIN CERTIFICATE-----\nAAAA\n"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RsaKeys.parsePrivateKey("not a key at all!"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
