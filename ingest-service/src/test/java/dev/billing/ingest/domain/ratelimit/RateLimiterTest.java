package dev.billing.ingest.domain.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private static final UUID A = UUID.randomUUID();
  private static final UUID B = UUID.randomUUID();

  @Test
  void shouldAllowTheLimitPerSecondPerOrganizationAndSayWhenItResets() {
    RateLimiter limiter = new RateLimiter(3);
    long t = 1_000_000_500L;

    assertThat(limiter.acquire(A, t)).isEqualTo(new RateLimiter.Decision(true, 3, 2, 1_000_001));
    limiter.acquire(A, t + 100);
    assertThat(limiter.acquire(A, t + 200).remaining()).isZero();
    assertThat(limiter.acquire(A, t + 300))
        .isEqualTo(new RateLimiter.Decision(false, 3, 0, 1_000_001));
    assertThat(limiter.acquire(B, t + 300).allowed()).isTrue();
    assertThat(limiter.acquire(A, t + 500).allowed()).isTrue(); // next second
  }
}
