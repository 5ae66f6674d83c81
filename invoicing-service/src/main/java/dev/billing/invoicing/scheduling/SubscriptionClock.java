package dev.billing.invoicing.scheduling;

import dev.billing.invoicing.app.subscription.ActivateDueSubscriptions;
import dev.billing.platform.lifecycle.ApiOnlyReplica;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Lago's subscription clock: activates pending subscriptions on their start date (and downgrades at
 * the end of the period) and terminates subscriptions at their {@code ending_at}, as of the
 * injected clock. Every instance may run it: each change locks its organization's row and re-checks
 * that it is still due.
 */
@ApplicationScoped
public class SubscriptionClock {

  private static final Logger LOG = Logger.getLogger(SubscriptionClock.class);
  static final int BATCH = 500;

  private final ActivateDueSubscriptions due;

  public SubscriptionClock(ActivateDueSubscriptions due) {
    this.due = due;
  }

  @Scheduled(
      identity = "subscription-clock",
      every = "${invoicing.subscription-clock-every}",
      delayed = "5s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = ApiOnlyReplica.class)
  Uni<Void> tick() {
    return runOnce()
        .invoke(n -> LOG.debugf("subscription clock changed %d subscription(s)", n))
        .onFailure()
        .invoke(e -> LOG.warn("subscription clock failed; next tick retries", e))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  /** One pass over what is due now; how many subscriptions changed. */
  public Uni<Integer> runOnce() {
    return due.runDue(BATCH);
  }
}
