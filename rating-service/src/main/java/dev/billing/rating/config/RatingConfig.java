package dev.billing.rating.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of rating-service (platform-wide ones are in {@code PlatformConfig}). */
@ConfigMapping(prefix = "rating")
public interface RatingConfig {

  Metering metering();

  Rerate rerate();

  UsageRated usageRated();

  /** How often pending re-rating requests are worked off. */
  interface Rerate {
    @WithDefault("2s")
    String every();
  }

  /** How often changed usage is published on billing.usage.rated (coalescing window). */
  interface UsageRated {
    @WithDefault("5s")
    String every();
  }

  /** The consumer of billing.events.accepted. */
  interface Metering {
    /** Consumer threads sharing the partitions; each holds one database transaction at a time. */
    @WithDefault("2")
    int threads();

    /** Events per transaction at most: bigger batches merge more events into one row write. */
    @WithDefault("4000")
    int batchSize();
  }
}
