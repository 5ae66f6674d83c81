package dev.billing.rating.support;

import dev.billing.testkit.MutableClock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/** Rating's tests run at a fixed "now", so current periods and amounts do not depend on the day. */
public class TestClockProducer {

  /** 2026-11-25T12:00Z: the current calendar month is November 2026 (30 days). */
  public static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-25T12:00:00Z"));

  @Produces
  @Singleton
  Clock clock() {
    return CLOCK;
  }
}
