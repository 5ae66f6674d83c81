package dev.billing.invoicing.domain.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RetryPolicyTest {

  private static final RetryPolicy POLICY =
      new RetryPolicy(6, Duration.ofSeconds(30), Duration.ofMinutes(5));

  @ParameterizedTest
  @CsvSource({
    "1, 0.0, 30000",
    "2, 0.0, 60000",
    "3, 0.0, 120000",
    "4, 0.0, 240000",
    "5, 0.0, 300000",
    "1, 0.999999, 34499",
    "3, 0.5, 129000"
  })
  void shouldDoubleTheWaitAfterEachFailureWithUpTo15PercentJitterAndACap(
      int attemptsMade, double random, long expectedMillis) {
    assertThat(POLICY.nextDelay(attemptsMade, random)).contains(Duration.ofMillis(expectedMillis));
  }

  @ParameterizedTest
  @CsvSource({"6", "7"})
  void shouldStopAfterTheLastAttempt(int attemptsMade) {
    assertThat(POLICY.nextDelay(attemptsMade, 0.5)).isEmpty();
  }
}
