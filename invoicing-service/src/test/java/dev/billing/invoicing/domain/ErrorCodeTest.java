package dev.billing.invoicing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ErrorCodeTest {

  @Test
  void shouldHaveUniqueSnakeCaseCodes() {
    var codes = Arrays.stream(ErrorCode.values()).map(ErrorCode::code).toList();

    assertThat(codes).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z]+(_[a-z]+)*"));
  }

  @Test
  void shouldAnswerEveryCodeWithAClientError() {
    assertThat(ErrorCode.values()).allMatch(c -> c.http().status() / 100 == 4);
  }
}
