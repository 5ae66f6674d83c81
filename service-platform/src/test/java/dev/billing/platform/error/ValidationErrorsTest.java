package dev.billing.platform.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValidationErrorsTest {

  @Test
  void shouldReadInstantsWithTheirOffsetAndReportWhatItCannotRead() {
    ValidationErrors errors = new ValidationErrors();

    assertThat(errors.instant("from", "2026-11-01T00:00:00Z"))
        .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(errors.instant("from", "2026-11-01T09:00:00+09:00"))
        .isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
    assertThat(errors.instant("absent", null)).isNull();
    assertThat(errors.isEmpty()).isTrue();

    assertThat(errors.instant("to", "2026-11-01")).isNull();
    assertThat(errors.requiredInstant("at", " ")).isNull();
    assertThat(errors.details())
        .isEqualTo(Map.of("to", List.of("invalid_date"), "at", List.of("value_is_mandatory")));
  }
}
