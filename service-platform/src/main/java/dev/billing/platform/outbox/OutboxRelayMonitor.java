package dev.billing.platform.outbox;

import dev.billing.platform.config.PlatformConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLException;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Reads the relay's slot every {@code billing.outbox.monitor-interval}, also while the relay is
 * stopped: the lag as gauges ({@code outbox_relay_lag_bytes}, {@code outbox_relay_lag_seconds}) and
 * the slot's state for the health check. Gauges and health read the last poll, never the database.
 */
final class OutboxRelayMonitor {

  private static final Logger LOG = Logger.getLogger(OutboxRelayMonitor.class);

  private final OutboxSlot slot;
  private final PlatformConfig config;
  private final Supplier<Instant> streamingSince;
  private volatile OutboxSlot.SlotState last;
  private volatile Instant polledAt;
  private volatile String pollError;
  private boolean scheduled;

  OutboxRelayMonitor(
      PlatformConfig config,
      OutboxSlot slot,
      Supplier<Instant> streamingSince,
      MeterRegistry registry) {
    this.config = config;
    this.slot = slot;
    this.streamingSince = streamingSince;
    Gauge.builder("outbox_relay_lag_bytes", this, m -> m.last == null ? 0 : m.last.lagBytes())
        .description(
            "WAL the relay's slot has not confirmed: pg_current_wal_lsn() - confirmed_flush_lsn")
        .baseUnit("bytes")
        .register(registry);
    Gauge.builder("outbox_relay_lag_seconds", this, m -> m.last == null ? 0 : m.last.lagSeconds())
        .description("age of the oldest outbox row the relay has not published")
        .baseUnit("seconds")
        .register(registry);
  }

  synchronized void schedule(ScheduledExecutorService executor) {
    if (scheduled) {
      return;
    }
    scheduled = true;
    long every = config.outbox().monitorInterval().toMillis();
    executor.scheduleWithFixedDelay(this::poll, 0, every, TimeUnit.MILLISECONDS);
  }

  /** Reads the slot now; null if the database could not be read. */
  OutboxSlot.SlotState poll() {
    try {
      OutboxSlot.SlotState state = slot.inspect(streamingSince.get());
      last = state;
      polledAt = Instant.now();
      pollError = null;
      return state;
    } catch (SQLException | RuntimeException e) {
      pollError = e.getMessage();
      LOG.debugf("could not read the outbox relay's slot: %s", e.getMessage());
      return null;
    }
  }

  OutboxSlot.SlotState last() {
    return last;
  }

  Instant polledAt() {
    return polledAt;
  }

  String pollError() {
    return pollError;
  }
}
