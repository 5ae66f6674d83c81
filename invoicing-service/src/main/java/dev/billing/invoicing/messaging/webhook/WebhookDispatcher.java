package dev.billing.invoicing.messaging.webhook;

import dev.billing.invoicing.client.webhook.AttemptOutcome;
import dev.billing.invoicing.client.webhook.WebhookSender;
import dev.billing.invoicing.config.InvoicingConfig;
import dev.billing.invoicing.domain.webhook.DeliveryStatus;
import dev.billing.invoicing.domain.webhook.RetryPolicy;
import dev.billing.invoicing.domain.webhook.SignatureAlgorithm;
import dev.billing.invoicing.domain.webhook.WebhookSignatures;
import dev.billing.invoicing.persistence.webhook.ClaimedDelivery;
import dev.billing.invoicing.persistence.webhook.WebhookDeliveryRepository;
import dev.billing.platform.lifecycle.ApiOnlyReplica;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Sends committed deliveries. Each poll claims due rows ({@code FOR UPDATE SKIP LOCKED}, so
 * replicas never take the same row) and starts every attempt at once, without waiting for any: a
 * slow or dead endpoint holds only its own deliveries, never billing or other endpoints. At most
 * {@code per-endpoint-batch} rows of one endpoint are claimed while earlier ones of it are still in
 * flight, and at most {@code max-in-flight} in all. A failed attempt is retried with backoff until
 * {@code max-attempts}; then the delivery is {@code failed} until an operator replays it.
 */
@ApplicationScoped
public class WebhookDispatcher {

  private static final Logger LOG = Logger.getLogger(WebhookDispatcher.class);
  private static final Duration LEASE_MARGIN = Duration.ofSeconds(30);

  private final InvoicingConfig.Webhooks config;
  private final Pool pool;
  private final WebhookDeliveryRepository deliveries;
  private final WebhookSigningKey signingKey;
  private final WebhookSender sender;
  // leases and retry waits are about the network, not business time: the wall clock, never the
  // injected one (which an as-of run or a test may hold still)
  private final Clock clock = Clock.systemUTC();
  private final RetryPolicy retries;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final ConcurrentHashMap<UUID, AtomicInteger> inFlightPerEndpoint =
      new ConcurrentHashMap<>();
  private final AtomicBoolean polling = new AtomicBoolean();
  private volatile boolean moreMayBeDue;
  private volatile boolean stopped;

  public WebhookDispatcher(
      InvoicingConfig config,
      Pool pool,
      WebhookDeliveryRepository deliveries,
      WebhookSigningKey signingKey,
      WebhookSender sender) {
    this.config = config.webhooks();
    this.pool = pool;
    this.deliveries = deliveries;
    this.signingKey = signingKey;
    this.sender = sender;
    this.retries =
        new RetryPolicy(
            this.config.maxAttempts(), this.config.retryBaseDelay(), this.config.retryMaxDelay());
  }

  @Scheduled(
      every = "${invoicing.webhooks.poll-interval}",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
      skipExecutionIf = ApiOnlyReplica.class)
  Uni<Void> tick() {
    return poll();
  }

  void onStop(@Observes ShutdownEvent event) {
    stopped = true;
  }

  /** Claims what is due and starts sending it; completes once the claim is done. */
  public Uni<Void> poll() {
    int room = Math.min(config.batchSize(), config.maxInFlight() - inFlight.get());
    if (!config.dispatcherEnabled() || stopped || room <= 0) {
      return Uni.createFrom().voidItem();
    }
    if (!polling.compareAndSet(false, true)) {
      moreMayBeDue = true;
      return Uni.createFrom().voidItem();
    }
    Instant now = clock.instant();
    Set<UUID> saturated =
        inFlightPerEndpoint.entrySet().stream()
            .filter(e -> e.getValue().get() >= config.perEndpointBatch())
            .map(java.util.Map.Entry::getKey)
            .collect(Collectors.toSet());
    return signingKey
        .keyPair()
        .chain(
            keys ->
                deliveries
                    .claim(
                        pool,
                        now,
                        now.plus(config.timeout()).plus(LEASE_MARGIN),
                        room,
                        config.perEndpointBatch(),
                        saturated)
                    .invoke(claimed -> start(claimed, keys)))
        .onFailure()
        .invoke(e -> LOG.warnf("webhook poll failed, will retry: %s", e.toString()))
        .onFailure()
        .recoverWithNull()
        .onTermination()
        .invoke(() -> polling.set(false))
        .replaceWithVoid();
  }

  private void start(List<ClaimedDelivery> claimed, KeyPair keys) {
    moreMayBeDue = !claimed.isEmpty();
    for (ClaimedDelivery delivery : claimed) {
      inFlight.incrementAndGet();
      AtomicInteger endpointCount =
          inFlightPerEndpoint.computeIfAbsent(delivery.endpointId(), id -> new AtomicInteger());
      endpointCount.incrementAndGet();
      Uni.createFrom()
          .item(() -> sign(delivery, keys))
          .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
          .chain(signature -> Uni.createFrom().completionStage(sender.send(delivery, signature)))
          .chain(outcome -> record(delivery, outcome))
          .onFailure()
          .invoke(
              e ->
                  LOG.warnf(
                      "webhook attempt not recorded webhookId=%s: %s", delivery.id(), e.toString()))
          .onFailure()
          .recoverWithNull()
          .onTermination()
          .invoke(
              () -> {
                inFlight.decrementAndGet();
                endpointCount.decrementAndGet();
              })
          .subscribe()
          .with(ignored -> pollAgainIfMoreDue(), e -> pollAgainIfMoreDue());
    }
  }

  private void pollAgainIfMoreDue() {
    if (moreMayBeDue && !stopped) {
      poll().subscribe().with(ignored -> {}, e -> {});
    }
  }

  private String sign(ClaimedDelivery delivery, KeyPair keys) {
    return delivery.signatureAlgo() == SignatureAlgorithm.HMAC
        ? WebhookSignatures.hmac(delivery.hmacKey(), delivery.payload())
        : WebhookSignatures.jwt(delivery.payload(), config.issuer(), keys.getPrivate());
  }

  private Uni<Void> record(ClaimedDelivery delivery, AttemptOutcome outcome) {
    Instant now = clock.instant();
    if (outcome.succeeded()) {
      LOG.debugf(
          "webhook delivered webhookId=%s endpointId=%s attempt=%d",
          delivery.id(), delivery.endpointId(), delivery.attempt());
      return deliveries.recordAttempt(
          pool,
          delivery.id(),
          delivery.attempt(),
          DeliveryStatus.SUCCEEDED,
          outcome.httpStatus(),
          null,
          null,
          now);
    }
    var delay = retries.nextDelay(delivery.attempt(), ThreadLocalRandom.current().nextDouble());
    LOG.infof(
        "webhook attempt failed webhookId=%s endpointId=%s organizationId=%s attempt=%d%s: %s",
        delivery.id(),
        delivery.endpointId(),
        delivery.organizationId(),
        delivery.attempt(),
        delay.isPresent() ? "" : " (no attempt left)",
        outcome.error());
    return deliveries.recordAttempt(
        pool,
        delivery.id(),
        delivery.attempt(),
        delay.isPresent() ? DeliveryStatus.PENDING : DeliveryStatus.FAILED,
        outcome.httpStatus(),
        outcome.error(),
        delay.map(now::plus).orElse(null),
        now);
  }
}
