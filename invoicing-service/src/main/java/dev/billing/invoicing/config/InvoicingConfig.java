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

  Billing billing();

  /** The billing run. */
  interface Billing {
    /** Run billing as of now this often (env BILLING_RUN_EVERY); "off" disables the scheduler. */
    @WithDefault("60s")
    String every();

    /** Subscriptions billed at once by a run. */
    @WithDefault("8")
    int concurrency();

    /** rating-service's base URL, for the internal fees API (env RATING_URL). */
    @WithDefault("http://127.0.0.1:8082")
    String ratingUrl();

    /** How long a call to rating-service may take. */
    @WithDefault("10s")
    Duration ratingTimeout();
  }
}
