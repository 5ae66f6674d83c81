package dev.billing.invoicing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** invoicing-service's own settings (prefix {@code invoicing}). */
@ConfigMapping(prefix = "invoicing")
public interface InvoicingConfig {

  /**
   * How often the subscription clock activates pending subscriptions and terminates those past
   * their {@code ending_at} (env {@code SUBSCRIPTION_CLOCK_EVERY}; Lago runs it every 5 minutes).
   */
  @WithDefault("60s")
  Duration subscriptionClockEvery();
}
