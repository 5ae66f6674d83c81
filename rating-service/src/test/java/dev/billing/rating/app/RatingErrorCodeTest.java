package dev.billing.rating.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.ErrorCode;
import dev.billing.platform.error.HttpError;
import dev.billing.platform.error.PlatformErrorCode;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class RatingErrorCodeTest {

  @Test
  void shouldHaveUniqueSnakeCaseCodesApartFromThePlatformOnes() {
    List<String> codes =
        Stream.concat(
                Arrays.stream(RatingErrorCode.values()), Arrays.stream(PlatformErrorCode.values()))
            .map(ErrorCode::code)
            .filter(Objects::nonNull)
            .toList();

    assertThat(codes).doesNotHaveDuplicates();
    assertThat(RatingErrorCode.values()).allMatch(c -> c.code().matches("[a-z]+(_[a-z]+)*"));
  }

  @Test
  void shouldAnswerANotFoundCodeAsLagoNamesTheResource() {
    for (RatingErrorCode code : RatingErrorCode.values()) {
      if (code.code().endsWith("_not_found")) {
        String resource = code.code().substring(0, code.code().length() - "_not_found".length());

        assertThat(code.http()).isEqualTo(HttpError.NOT_FOUND);
        assertThat(new ApiException(code).body()).isEqualTo(ApiException.notFound(resource).body());
      }
    }
  }
}
