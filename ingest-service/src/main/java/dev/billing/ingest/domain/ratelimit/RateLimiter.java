package dev.billing.ingest.domain.ratelimit;

import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Requests per organization per one-second window, counted in this process (each replica enforces
 * its own share). Lock-free: a window is a single long, {@code second << 20 | count}.
 */
public final class RateLimiter {

  private static final int COUNT_BITS = 20;
  private static final long COUNT_MASK = (1L << COUNT_BITS) - 1;

  private final int limitPerSecond;
  private final ConcurrentHashMap<UUID, AtomicLong> windows = new ConcurrentHashMap<>();

  public RateLimiter(int limitPerSecond) {
    if (limitPerSecond <= 0 || limitPerSecond >= COUNT_MASK) {
      throw new IllegalArgumentException("limit must be between 1 and " + COUNT_MASK);
    }
    this.limitPerSecond = limitPerSecond;
  }

  /** Counts one request of the organization at {@code nowMillis} and says whether it may pass. */
  public Decision acquire(UUID organizationId, long nowMillis) {
    long second = nowMillis / 1000;
    AtomicLong window = windows.computeIfAbsent(organizationId, id -> new AtomicLong());
    while (true) {
      long current = window.get();
      long count = (current >>> COUNT_BITS) == second ? current & COUNT_MASK : 0;
      if (count >= limitPerSecond) {
        return new Decision(false, limitPerSecond, 0, second + 1);
      }
      if (window.compareAndSet(current, (second << COUNT_BITS) | (count + 1))) {
        return new Decision(true, limitPerSecond, limitPerSecond - count - 1, second + 1);
      }
    }
  }

  /**
   * The outcome for one request.
   *
   * @param allowed whether it may pass
   * @param limit requests allowed per window
   * @param remaining requests left in this window
   * @param resetEpochSecond when the next window starts (Unix seconds)
   */
  public record Decision(boolean allowed, int limit, long remaining, long resetEpochSecond) {}
}
