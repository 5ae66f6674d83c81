package dev.billing.invoicing.support;

import static org.awaitility.Awaitility.await;

import dev.billing.platform.contracts.MessageCodec;
import dev.billing.platform.contracts.PlanMessage;
import dev.billing.platform.kafka.MessageHeaders;
import dev.billing.platform.kafka.Topics;
import dev.billing.testkit.TestDatabase;
import dev.billing.testkit.TestKafka;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Plans published on {@code billing.catalog} exactly as rating-service publishes them. */
public final class TestPlans {

  private TestPlans() {}

  /** A plan's first revision: monthly, in arrears, no trial. */
  public static PlanMessage plan(
      UUID organizationId, String code, long amountCents, String currency) {
    return new PlanMessage(
        UUID.randomUUID(),
        organizationId,
        1,
        code,
        "Plan " + code,
        null,
        "monthly",
        amountCents,
        currency,
        false,
        BigDecimal.ZERO,
        false,
        null,
        List.of(
            new PlanMessage.Charge(
                UUID.randomUUID(), "api_calls", "api_calls", "standard", false, true, null)),
        false,
        Instant.now());
  }

  /** Sends a plan message under a new message id; returns the id. */
  public static String send(PlanMessage plan) {
    String id = UUID.randomUUID().toString();
    send(plan, id);
    return id;
  }

  public static void send(PlanMessage plan, String messageId) {
    TestKafka.send(
        Topics.CATALOG,
        plan.planId().toString(),
        MessageCodec.encode(plan),
        Map.of(
            MessageHeaders.ID,
            messageId,
            MessageHeaders.TYPE,
            PlanMessage.TYPE,
            MessageHeaders.SCHEMA_VERSION,
            String.valueOf(PlanMessage.VERSION),
            MessageHeaders.ORGANIZATION_ID,
            plan.organizationId().toString()));
  }

  /** Publishes a plan and waits until invoicing's read model holds this revision. */
  public static PlanMessage publish(PlanMessage plan) {
    send(plan);
    awaitRevision(plan.planId(), plan.revision());
    return plan;
  }

  public static PlanMessage publish(
      UUID organizationId, String code, long amountCents, String currency) {
    return publish(plan(organizationId, code, amountCents, currency));
  }

  public static void awaitRevision(UUID planId, long revision) {
    await()
        .atMost(Duration.ofSeconds(15))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () ->
                TestDatabase.query("SELECT revision FROM plans WHERE plan_id = ?", planId).stream()
                    .anyMatch(row -> ((Number) row.get("revision")).longValue() >= revision));
  }

  /** The same plan, one revision later, with other fields. */
  public static PlanMessage revised(PlanMessage p, long amountCents, boolean deleted) {
    return new PlanMessage(
        p.planId(),
        p.organizationId(),
        p.revision() + 1,
        p.code(),
        p.name(),
        p.invoiceDisplayName(),
        p.interval(),
        amountCents,
        p.amountCurrency(),
        p.payInAdvance(),
        p.trialPeriodDays(),
        p.billChargesMonthly(),
        p.minimumCommitmentAmountCents(),
        p.charges(),
        deleted,
        Instant.now());
  }
}
