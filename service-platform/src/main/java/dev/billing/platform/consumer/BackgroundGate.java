package dev.billing.platform.consumer;

import dev.billing.platform.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.Semaphore;

/**
 * Lets background batches run side by side only while no API request is being answered; while
 * requests come in, batches take turns (one at a time across all consumer threads), which leaves
 * cores to the requests. The backlog is caught up at full width as soon as they stop.
 */
@ApplicationScoped
public class BackgroundGate {

  /** What a batch holds while it runs; closing it lets the next one in. */
  public interface Pass extends AutoCloseable {
    @Override
    void close();
  }

  private static final Pass FREE = () -> {};

  private final ForegroundRequests foreground;
  private final boolean yields;
  private final Semaphore turn = new Semaphore(1, true);

  @Inject
  public BackgroundGate(ForegroundRequests foreground, PlatformConfig config) {
    this(foreground, config.consumers().yieldToRequests());
  }

  BackgroundGate(ForegroundRequests foreground, boolean yields) {
    this.foreground = foreground;
    this.yields = yields;
  }

  /** Waits, while requests are being answered, until no other batch runs. */
  public Pass enter() throws InterruptedException {
    if (!yields || !foreground.busy()) {
      return FREE;
    }
    turn.acquire();
    return turn::release;
  }
}
