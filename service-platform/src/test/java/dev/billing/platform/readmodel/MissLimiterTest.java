package dev.billing.platform.readmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.billing.platform.error.ApiException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MissLimiterTest {

  private final AtomicLong now = new AtomicLong(1_000_000_000L);
  private final MissLimiter limiter = new MissLimiter(50, now::get);

  @Test
  void shouldAnswer429WithRetryAfterOnceAnOrganizationAskedAboutFiftyMissesInASecond() {
    UUID org = UUID.randomUUID();
    for (int i = 0; i < 50; i++) {
      limiter.take(org);
    }

    assertThatThrownBy(() -> limiter.take(org))
        .isInstanceOfSatisfying(
            ApiException.class,
            e -> {
              assertThat(e.body().status()).isEqualTo(429);
              assertThat(e.body().error()).isEqualTo("Too Many Requests");
              assertThat(e.body().code()).isEqualTo("too_many_requests");
              assertThat(e.headers()).containsEntry("Retry-After", "1");
            });
  }

  @Test
  void shouldCountEachOrganizationApartAndRefillAtTheConfiguredRate() {
    UUID busy = UUID.randomUUID();
    for (int i = 0; i < 50; i++) {
      limiter.take(busy);
    }
    limiter.take(UUID.randomUUID());
    limiter.take(MissLimiter.UNAUTHENTICATED);

    now.addAndGet(100_000_000L); // 100 ms at 50 a second: 5 more
    for (int i = 0; i < 5; i++) {
      limiter.take(busy);
    }
    assertThatThrownBy(() -> limiter.take(busy)).isInstanceOf(ApiException.class);
  }
}
