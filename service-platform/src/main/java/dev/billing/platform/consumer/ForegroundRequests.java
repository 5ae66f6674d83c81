package dev.billing.platform.consumer;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Whether the service is answering API requests now (or was a moment ago). Background consumers ask
 * it before each batch: on a small machine a batch and its database work take whole cores, and a
 * request waiting for a core is what users see.
 */
@ApplicationScoped
public class ForegroundRequests {

  private static final long RECENT_NANOS = 50_000_000L;

  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile long lastEndedAt = System.nanoTime() - RECENT_NANOS;

  void track(@Observes Router router) {
    router
        .route("/api/*")
        .order(Integer.MIN_VALUE)
        .handler(
            context -> {
              started();
              context.addEndHandler(ended -> ended());
              context.next();
            });
  }

  void started() {
    inFlight.incrementAndGet();
  }

  void ended() {
    inFlight.decrementAndGet();
    lastEndedAt = System.nanoTime();
  }

  /** True while a request is in flight or one ended within the last 50 ms. */
  public boolean busy() {
    return inFlight.get() > 0 || System.nanoTime() - lastEndedAt < RECENT_NANOS;
  }
}
