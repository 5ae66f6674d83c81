package dev.billing.invoicing.support;

import dev.billing.testkit.MutableClock;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;

/**
 * The service's clock in tests: it stands still until a test sets or moves it, so subscription
 * dates and periods do not depend on the day the tests run.
 */
public class TestClockProducer {

  public static final MutableClock CLOCK = new MutableClock(Instant.parse("2026-11-10T12:00:00Z"));

  @Produces
  @Singleton
  Clock clock() {
    return CLOCK;
  }
}
