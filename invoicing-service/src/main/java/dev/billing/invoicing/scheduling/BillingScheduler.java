package dev.billing.invoicing.scheduling;

import dev.billing.invoicing.app.billing.FinalizeDueDrafts;
import dev.billing.invoicing.app.billing.RunBilling;
import dev.billing.platform.lifecycle.ApiOnlyReplica;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Runs billing as of now, then finalizes the drafts whose grace period ended. Every instance may
 * run it: a subscription is billed under its billing position's row lock.
 */
@ApplicationScoped
public class BillingScheduler {

  private static final Logger LOG = Logger.getLogger(BillingScheduler.class);

  private final RunBilling billing;
  private final FinalizeDueDrafts drafts;
  private final Clock clock;

  public BillingScheduler(RunBilling billing, FinalizeDueDrafts drafts, Clock clock) {
    this.billing = billing;
    this.drafts = drafts;
    this.clock = clock;
  }

  @Scheduled(
      identity = "billing-run",
      every = "${invoicing.billing.every}",
      delayed = "10s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = ApiOnlyReplica.class)
  Uni<Void> tick() {
    Instant now = clock.instant();
    return billing
        .asOf(now, null)
        .invoke(
            r ->
                LOG.infof(
                    "billing as of %s: %d subscription(s), %d invoice(s), %d failure(s)",
                    now, r.subscriptionsChecked(), r.invoiceIds().size(), r.failures().size()))
        .chain(() -> drafts.finalizeDue(now))
        .onFailure()
        .invoke(e -> LOG.warn("billing run failed; the next one retries", e))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }
}
