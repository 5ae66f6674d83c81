package dev.billing.invoicing.domain.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import dev.billing.platform.billing.BillingTime;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SubscriptionBuilderTest {

  private static final Instant T = Instant.parse("2026-11-01T00:00:00Z");

  /** Every field distinct, so that a field copied into another's place shows. */
  private static final Subscription S =
      new Subscription(
          UUID.randomUUID(),
          UUID.randomUUID(),
          7,
          "line-1",
          UUID.randomUUID(),
          UUID.randomUUID(),
          "pro",
          "Pro",
          SubscriptionStatus.ACTIVE,
          BillingTime.ANNIVERSARY,
          T.plusSeconds(1),
          T.plusSeconds(2),
          T.plusSeconds(3),
          T.plusSeconds(4),
          T.plusSeconds(5),
          T.plusSeconds(6),
          T.plusSeconds(7),
          UUID.randomUUID(),
          UUID.randomUUID(),
          "skip",
          "refund",
          T.plusSeconds(8),
          T.plusSeconds(9));

  @Test
  void shouldCopyEveryFieldWhenNothingChanges() {
    assertThat(S.toBuilder().build()).isEqualTo(S);
  }

  @Test
  void shouldChangeOnlyTheFieldsSet() {
    Subscription ended =
        S.toBuilder().status(SubscriptionStatus.TERMINATED).terminatedAt(T).build();

    assertThat(ended.status()).isEqualTo(SubscriptionStatus.TERMINATED);
    assertThat(ended.terminatedAt()).isEqualTo(T);
    assertThat(ended.toBuilder().status(S.status()).terminatedAt(S.terminatedAt()).build())
        .isEqualTo(S);
  }
}
