package dev.billing.platform.lifecycle;

import dev.billing.platform.config.PlatformConfig;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;

/**
 * Skips a scheduled job in a replica that only answers the API ({@code billing.api-only}): every
 * service's {@code @Scheduled} method names it in {@code skipExecutionIf}.
 */
@Singleton
public class ApiOnlyReplica implements Scheduled.SkipPredicate {

  private final boolean apiOnly;

  public ApiOnlyReplica(PlatformConfig config) {
    this.apiOnly = config.apiOnly();
  }

  @Override
  public boolean test(ScheduledExecution execution) {
    return apiOnly;
  }
}
