package dev.billing.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Objects;
import org.junit.jupiter.api.Test;

class ErrorCodesTest {

  @Test
  void shouldHaveUniqueSnakeCaseCodes() {
    var codes =
        Arrays.stream(PlatformErrorCode.values())
            .map(PlatformErrorCode::code)
            .filter(Objects::nonNull)
            .toList();

    assertThat(codes).doesNotHaveDuplicates().allMatch(c -> c.matches("[a-z]+(_[a-z]+)*"));
  }

  @Test
  void shouldAnswerUnauthorizedExactlyLikeLago() {
    ApiError body = ApiException.unauthorized().body();

    assertThat(body).isEqualTo(new ApiError(401, "Unauthorized", null, null));
  }

  @Test
  void shouldNameTheResourceInNotFoundCodes() {
    assertThat(ApiException.notFound("customer").body())
        .isEqualTo(new ApiError(404, "Not Found", "customer_not_found", null));
  }

  @Test
  void shouldCollectValidationErrorsPerField() {
    ValidationErrors errors =
        new ValidationErrors()
            .add("timezone", "invalid_timezone")
            .add("timezone", "invalid_timezone")
            .add("net_payment_term", "value_is_invalid");

    ApiError body = errors.toException().body();

    assertThat(body.status()).isEqualTo(422);
    assertThat(body.error()).isEqualTo("Unprocessable Entity");
    assertThat(body.code()).isEqualTo("validation_errors");
    assertThat(body.errorDetails())
        .isEqualTo(
            java.util.Map.of(
                "timezone", java.util.List.of("invalid_timezone"),
                "net_payment_term", java.util.List.of("value_is_invalid")));
  }
}
