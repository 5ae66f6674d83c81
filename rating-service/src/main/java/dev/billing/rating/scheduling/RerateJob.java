package dev.billing.rating.scheduling;

import dev.billing.platform.lifecycle.ApiOnlyReplica;
import dev.billing.rating.app.metering.WorkOffRerateRequests;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Every {@code rating.rerate.every} (2 s), a round of {@link WorkOffRerateRequests}. */
@ApplicationScoped
public class RerateJob {

  private final WorkOffRerateRequests rerates;

  public RerateJob(WorkOffRerateRequests rerates) {
    this.rerates = rerates;
  }

  @Scheduled(
      every = "${rating.rerate.every:2s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = ApiOnlyReplica.class)
  Uni<Void> work() {
    return rerates.round();
  }
}
