package dev.billing.invoicing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** invoicing-service's own settings (prefix {@code invoicing}), beyond the platform's. */
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

    /**
     * Subscriptions a run reads (subscriptions, plans, customers, billing positions) and prices
     * with rating-service at once, before billing them one transaction each.
     */
    @WithDefault("100")
    int pageSize();

    /** rating-service's base URL, for the internal fees API (env RATING_URL). */
    @WithDefault("http://127.0.0.1:8082")
    String ratingUrl();

    /** How long a call to rating-service may take. */
    @WithDefault("10s")
    Duration ratingTimeout();
  }

  Webhooks webhooks();

  /** Delivery of webhooks to the organizations' endpoints. */
  interface Webhooks {

    /**
     * RSA private key that signs JWT webhooks (env INVOICING_WEBHOOKS_PRIVATE_KEY): PEM (PKCS#8 or
     * PKCS#1), or Base64 of the PEM like Lago's LAGO_RSA_PRIVATE_KEY. Unset: a key is generated
     * once and kept in the schema, shared by every replica.
     */
    Optional<String> privateKey();

    /** The {@code iss} claim of JWT signatures: the public API's base URL (Lago: LAGO_API_URL). */
    String issuer();

    /** Run the dispatcher in this process (every replica may: claims use SKIP LOCKED). */
    @WithDefault("true")
    boolean dispatcherEnabled();

    /** How often the dispatcher looks for due deliveries when idle. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Most deliveries claimed by one poll. */
    @WithDefault("100")
    int batchSize();

    /** Most deliveries in flight at once in this process. */
    @WithDefault("256")
    int maxInFlight();

    /** Most deliveries claimed for one endpoint by one poll, so one endpoint cannot take all. */
    @WithDefault("10")
    int perEndpointBatch();

    /** Time an endpoint has to answer a delivery (Lago: 30 s). */
    @WithDefault("30s")
    Duration timeout();

    /** Attempts per delivery, the first included; then it is failed until replayed. */
    @WithDefault("6")
    int maxAttempts();

    /** Wait after the first failed attempt; doubled after each further one, plus jitter. */
    @WithDefault("30s")
    Duration retryBaseDelay();

    /** Longest wait between two attempts. */
    @WithDefault("1h")
    Duration retryMaxDelay();
  }
}
