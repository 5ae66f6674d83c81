package dev.billing.platform.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ApiKeysTest {

  @Test
  void shouldHashWithSha256Hex() {
    // echo -n abc | sha256sum
    assertThat(ApiKeys.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void shouldGenerateDistinctUrlSafeKeys() {
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      keys.add(ApiKeys.generate());
    }
    assertThat(keys).hasSize(1000).allMatch(k -> k.matches("bk_[A-Za-z0-9_-]{43}"));
  }

  @Test
  void shouldReadTheBearerTokenOnly() {
    assertThat(ApiKeys.bearerToken("Bearer abc")).isEqualTo("abc");
    assertThat(ApiKeys.bearerToken("bearer  abc ")).isEqualTo("abc");
    assertThat(ApiKeys.bearerToken("Basic abc")).isNull();
    assertThat(ApiKeys.bearerToken("Bearer")).isNull();
    assertThat(ApiKeys.bearerToken("Bearer a b")).isNull();
    assertThat(ApiKeys.bearerToken(null)).isNull();
  }
}
