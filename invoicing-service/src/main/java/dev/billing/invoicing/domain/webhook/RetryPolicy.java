package dev.billing.invoicing.domain.webhook;

import java.time.Duration;
import java.util.Optional;

/**
 * When a failed delivery is tried again: exponential backoff ({@code base × 2^(n-1)}, capped at
 * {@code maxDelay}) plus up to 15% jitter, as Lago jitters its retries, until {@code maxAttempts}
 * attempts were made.
 *
 * @param maxAttempts attempts in all, the first one included
 * @param baseDelay wait after the first failed attempt
 * @param maxDelay longest wait between two attempts
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay) {

  static final double JITTER = 0.15;

  public RetryPolicy {
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1");
    }
  }

  /**
   * The wait before the next attempt, or empty when none is left.
   *
   * @param attemptsMade attempts made so far, all failed
   * @param random a number in [0, 1) that picks the jitter
   */
  public Optional<Duration> nextDelay(int attemptsMade, double random) {
    if (attemptsMade >= maxAttempts) {
      return Optional.empty();
    }
    int exponent = Math.min(Math.max(attemptsMade - 1, 0), 30);
    long millis = Math.min(baseDelay.toMillis() << exponent, maxDelay.toMillis());
    if (millis < 0) {
      millis = maxDelay.toMillis();
    }
    long jitter = (long) (millis * JITTER * random);
    return Optional.of(Duration.ofMillis(millis + jitter));
  }
}
