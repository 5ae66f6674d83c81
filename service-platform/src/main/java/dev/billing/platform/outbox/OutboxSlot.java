package dev.billing.platform.outbox;

import dev.billing.platform.config.PlatformConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The relay's replication slot and stored offset, read and reset over plain JDBC (the relay's own
 * threads, never an event loop).
 */
final class OutboxSlot {

  private static final Pattern COMMIT_MICROS = Pattern.compile("\"ts_usec\"\\s*:\\s*(\\d+)");
  private static final Pattern SNAPSHOT =
      Pattern.compile("\"snapshot\"\\s*:\\s*(true|\"[A-Z_]+\")");
  private static final Pattern LAST_SNAPSHOT_RECORD =
      Pattern.compile("\"last_snapshot_record\"\\s*:\\s*true");

  private final PlatformConfig config;

  OutboxSlot(PlatformConfig config) {
    this.config = config;
  }

  /**
   * The slot as pg_replication_slots shows it, the stored offset, and how far behind both are.
   *
   * @param streamingSince when the relay last started streaming in this process; null if never
   */
  SlotState inspect(Instant streamingSince) throws SQLException {
    try (Connection c = connect()) {
      String offset = storedOffset(c);
      // without a stored offset nothing was published since the engine started (every batch
      // stores one), and what came before it is behind the slot's position
      Long commitMicros = offset != null ? commitMicros(offset) : micros(streamingSince);
      try (PreparedStatement q =
          c.prepareStatement(
              "SELECT wal_status, (pg_current_wal_lsn() - confirmed_flush_lsn)::bigint"
                  + " FROM pg_replication_slots WHERE slot_name = ?")) {
        q.setString(1, config.outbox().slotName());
        try (ResultSet rs = q.executeQuery()) {
          boolean exists = rs.next();
          return new SlotState(
              exists,
              exists ? rs.getString(1) : null,
              exists ? rs.getLong(2) : 0,
              unrelayedSeconds(c, commitMicros),
              offset != null,
              offset != null || streamingSince != null,
              offset != null && snapshotInterrupted(offset));
        }
      }
    }
  }

  /** Drops the slot and the stored offset, so that the next start creates both afresh. */
  void reset() throws SQLException {
    try (Connection c = connect()) {
      try (PreparedStatement drop =
          c.prepareStatement(
              "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots"
                  + " WHERE slot_name = ?")) {
        drop.setString(1, config.outbox().slotName());
        drop.executeQuery().close();
      }
      try (PreparedStatement delete =
          c.prepareStatement("DELETE FROM " + config.db().schema() + ".outbox_relay_offsets")) {
        delete.executeUpdate();
      }
    }
  }

  /**
   * Age of the oldest outbox row created after the commit time of the last change the relay stored
   * as published: zero when it has published everything.
   */
  private double unrelayedSeconds(Connection c, Long commitMicros) throws SQLException {
    if (commitMicros == null) {
      return 0;
    }
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0)::float8 FROM "
                + config.db().schema()
                + ".outbox WHERE created_at > to_timestamp(? / 1e6)")) {
      q.setLong(1, commitMicros);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return Math.max(0, rs.getDouble(1));
      }
    }
  }

  private String storedOffset(Connection c) throws SQLException {
    try (PreparedStatement q =
            c.prepareStatement(
                "SELECT offset_val FROM "
                    + config.db().schema()
                    + ".outbox_relay_offsets ORDER BY record_insert_ts DESC,"
                    + " record_insert_seq DESC LIMIT 1");
        ResultSet rs = q.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static Long commitMicros(String offset) {
    Matcher m = COMMIT_MICROS.matcher(offset);
    return m.find() ? Long.parseLong(m.group(1)) : null;
  }

  private static Long micros(Instant instant) {
    return instant == null ? null : instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1000;
  }

  private static boolean snapshotInterrupted(String offset) {
    return SNAPSHOT.matcher(offset).find() && !LAST_SNAPSHOT_RECORD.matcher(offset).find();
  }

  private Connection connect() throws SQLException {
    PlatformConfig.Db db = config.db();
    return DriverManager.getConnection(
        "jdbc:postgresql://%s:%d/%s".formatted(db.host(), db.port(), db.name()),
        db.user(),
        db.password());
  }

  /**
   * @param exists the slot is in pg_replication_slots
   * @param walStatus reserved, extended, unreserved or lost (PostgreSQL removed WAL it needed)
   * @param lagBytes WAL between the server's current position and what the slot confirmed
   * @param lagSeconds age of the oldest outbox row not yet published
   * @param hasOffset Debezium stored a position (after the first batch it published)
   * @param streamedBefore the relay streamed from a slot of this name before: it stored an offset,
   *     or it streamed in this process
   * @param snapshotInterrupted a re-snapshot started and did not finish
   */
  record SlotState(
      boolean exists,
      String walStatus,
      long lagBytes,
      double lagSeconds,
      boolean hasOffset,
      boolean streamedBefore,
      boolean snapshotInterrupted) {

    /**
     * Changes committed since the relay's last position can no longer be streamed: PostgreSQL
     * invalidated the slot, or the slot was dropped although the relay had streamed from it.
     */
    boolean changesLost() {
      return "lost".equals(walStatus) || (!exists && streamedBefore);
    }

    String slotStatus() {
      return exists ? walStatus : "missing";
    }
  }
}
