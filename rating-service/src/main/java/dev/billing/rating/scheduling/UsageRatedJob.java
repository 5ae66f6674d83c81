package dev.billing.rating.scheduling;

import dev.billing.platform.lifecycle.ApiOnlyReplica;
import dev.billing.rating.app.usage.PublishRatedUsage;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Every {@code rating.usage-rated.every} (5 s), a round of {@link PublishRatedUsage}. */
@ApplicationScoped
public class UsageRatedJob {

  private final PublishRatedUsage publish;

  public UsageRatedJob(PublishRatedUsage publish) {
    this.publish = publish;
  }

  @Scheduled(
      every = "${rating.usage-rated.every:5s}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = ApiOnlyReplica.class)
  Uni<Void> publish() {
    return publish.round();
  }
}
