package dev.billing.platform.outbox;

import java.time.Instant;

/**
 * The relay as the health check shows it.
 *
 * @param wanted started and not stopped (an operator or a test may stop it)
 * @param streaming the engine streams from the slot
 * @param slot the last poll of the slot; null if it could not be read
 * @param pollError why the slot could not be read
 * @param lastRecovery when the relay last re-snapshotted the outbox after its slot lost changes
 * @param recoveries how many times it did, in this process
 */
record OutboxRelayStatus(
    boolean wanted,
    boolean streaming,
    OutboxSlot.SlotState slot,
    String pollError,
    Instant lastRecovery,
    double recoveries) {

  String state() {
    if (!wanted) {
      return "stopped";
    }
    return streaming ? "streaming" : "restarting";
  }

  /** Up unless changes are lost and not yet re-snapshotted, or a wanted relay does not stream. */
  boolean up() {
    return (slot == null || !slot.changesLost()) && (!wanted || streaming);
  }
}
