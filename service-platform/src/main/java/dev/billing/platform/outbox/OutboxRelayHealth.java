package dev.billing.platform.outbox;

import dev.billing.platform.config.PlatformConfig;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness check {@code outbox-relay}: the relay's state, its slot's {@code wal_status} and how
 * far behind it is. Down while the slot has lost changes that are not re-published yet, or while a
 * started relay does not stream; a relay stopped on purpose is up, with its lag in the details.
 */
@Readiness
@ApplicationScoped
public class OutboxRelayHealth implements HealthCheck {

  private final OutboxRelay relay;
  private final PlatformConfig config;

  public OutboxRelayHealth(OutboxRelay relay, PlatformConfig config) {
    this.relay = relay;
    this.config = config;
  }

  @Override
  public HealthCheckResponse call() {
    HealthCheckResponseBuilder health = HealthCheckResponse.named("outbox-relay");
    OutboxRelayStatus status = relay.status();
    if (status == null) {
      return health.up().withData("state", "not run in this process").build();
    }
    health.status(status.up()).withData("state", status.state());
    health.withData("slot", config.outbox().slotName());
    if (status.slot() != null) {
      OutboxSlot.SlotState slot = status.slot();
      health
          .withData("slot_status", slot.slotStatus())
          .withData("lag_bytes", slot.lagBytes())
          .withData("lag_seconds", String.format("%.3f", slot.lagSeconds()));
      if (slot.changesLost()) {
        health.withData(
            "problem",
            "the slot lost changes ("
                + slot.slotStatus()
                + "); the relay re-publishes the outbox from a snapshot when it starts");
      }
    } else if (status.pollError() != null) {
      health.withData("slot_status", "unknown: " + status.pollError());
    }
    if (status.lastRecovery() != null) {
      health
          .withData("last_recovery", status.lastRecovery().toString())
          .withData("recoveries", (long) status.recoveries());
    }
    return health.build();
  }
}
