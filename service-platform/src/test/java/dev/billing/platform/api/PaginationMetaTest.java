package dev.billing.platform.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billing.platform.error.ApiException;
import org.junit.jupiter.api.Test;

class PaginationMetaTest {

  @Test
  void shouldDescribeAMiddlePage() {
    assertThat(PaginationMeta.of(new PageRequest(2, 10), 25))
        .isEqualTo(new PaginationMeta(2, 3, 1, 3, 25));
  }

  @Test
  void shouldUseZerosForAnEmptyCollectionLikeLago() {
    assertThat(PaginationMeta.of(new PageRequest(1, 100), 0))
        .isEqualTo(new PaginationMeta(0, null, null, 0, 0));
  }

  @Test
  void shouldRejectNonNumericAndOutOfRangeParameters() {
    assertThatThrownBy(() -> PageRequest.of("x", "0"))
        .isInstanceOfSatisfying(
            ApiException.class,
            e ->
                assertThat(e.body().errorDetails())
                    .isEqualTo(
                        java.util.Map.of(
                            "page", java.util.List.of("value_is_invalid"),
                            "per_page", java.util.List.of("value_is_invalid"))));
    assertThat(PageRequest.of(null, null)).isEqualTo(new PageRequest(1, 100));
  }
}
