package dev.billing.platform.readmodel;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.billing.platform.config.PlatformConfig;
import dev.billing.platform.error.ApiError;
import dev.billing.platform.error.ApiException;
import dev.billing.platform.error.PlatformErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * How many read-model misses each caller may ask owners about: a token bucket per organization (and
 * one shared by every caller whose API key is not known yet), refilled at {@code
 * billing.owners.misses-per-second}. A loop asking for codes that do not exist costs the owner at
 * most that many lookups a second; then it is answered 429.
 */
@ApplicationScoped
public class MissLimiter {

  /** The bucket of callers that have no organization yet (unknown API keys). */
  public static final String UNAUTHENTICATED = "unauthenticated";

  private final double perSecond;
  private final LongSupplier nanoTime;
  private final Cache<Object, Bucket> buckets =
      Caffeine.newBuilder().expireAfterAccess(Duration.ofMinutes(5)).maximumSize(100_000).build();

  @Inject
  public MissLimiter(PlatformConfig config) {
    this(config.owners().missesPerSecond(), System::nanoTime);
  }

  MissLimiter(double perSecond, LongSupplier nanoTime) {
    this.perSecond = perSecond;
    this.nanoTime = nanoTime;
  }

  /** Takes one miss from {@code caller}'s bucket, or throws 429 {@code too_many_requests}. */
  public void take(Object caller) {
    Bucket bucket = buckets.get(caller, c -> new Bucket(perSecond, nanoTime.getAsLong()));
    if (!bucket.take(nanoTime.getAsLong())) {
      throw new ApiException(
          ApiError.of(PlatformErrorCode.TOO_MANY_REQUESTS, null), Map.of("Retry-After", "1"));
    }
  }

  private static final class Bucket {
    private final double perSecond;
    private double tokens;
    private long refilledAt;

    Bucket(double perSecond, long now) {
      this.perSecond = perSecond;
      this.tokens = perSecond;
      this.refilledAt = now;
    }

    synchronized boolean take(long now) {
      tokens = Math.min(perSecond, tokens + (now - refilledAt) * perSecond / 1e9);
      refilledAt = now;
      if (tokens < 1) {
        return false;
      }
      tokens -= 1;
      return true;
    }
  }
}
