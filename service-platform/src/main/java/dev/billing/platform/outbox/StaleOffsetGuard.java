package dev.billing.platform.outbox;

import dev.billing.platform.config.PlatformConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Drops the relay's stored offset when the replication slot has moved past it. The slot's confirmed
 * position only moves after what lies before it was published (or was WAL of other tables that the
 * driver acknowledged while idle), so starting from the slot loses nothing; Debezium instead
 * refuses to start ("cannot advance replication slot") when the stored offset is behind.
 */
final class StaleOffsetGuard {

  private static final Logger LOG = Logger.getLogger(StaleOffsetGuard.class);
  // Debezium resumes from the commit LSN, which may be older than the last processed one
  private static final Pattern LSN = Pattern.compile("\"lsn(?:_commit|_proc)?\"\\s*:\\s*(\\d+)");

  private StaleOffsetGuard() {}

  static void dropIfBehindSlot(PlatformConfig config) {
    PlatformConfig.Db db = config.db();
    String url = "jdbc:postgresql://%s:%d/%s".formatted(db.host(), db.port(), db.name());
    try (Connection c = DriverManager.getConnection(url, db.user(), db.password())) {
      Long slot = slotPosition(c, config.outbox().slotName());
      Long stored = storedPosition(c, db.schema());
      if (slot != null && stored != null && stored < slot) {
        try (PreparedStatement delete =
            c.prepareStatement("DELETE FROM " + db.schema() + ".outbox_relay_offsets")) {
          delete.executeUpdate();
        }
        LOG.warnf(
            "outbox relay offset %d is behind slot %s at %d: starting from the slot",
            stored, config.outbox().slotName(), slot);
      }
    } catch (SQLException e) {
      // the relay reports a database it cannot use by itself
      LOG.debug("could not compare the relay offset with its slot", e);
    }
  }

  private static Long slotPosition(Connection c, String slot) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "SELECT (confirmed_flush_lsn - '0/0'::pg_lsn)::bigint FROM pg_replication_slots"
                + " WHERE slot_name = ?")) {
      q.setString(1, slot);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? (Long) rs.getObject(1, Long.class) : null;
      }
    }
  }

  private static Long storedPosition(Connection c, String schema) throws SQLException {
    try (PreparedStatement q =
            c.prepareStatement(
                "SELECT offset_val FROM "
                    + schema
                    + ".outbox_relay_offsets ORDER BY record_insert_ts DESC,"
                    + " record_insert_seq DESC LIMIT 1");
        ResultSet rs = q.executeQuery()) {
      if (!rs.next() || rs.getString(1) == null) {
        return null;
      }
      Matcher m = LSN.matcher(rs.getString(1));
      Long oldest = null;
      while (m.find()) {
        long lsn = Long.parseLong(m.group(1));
        oldest = oldest == null ? lsn : Math.min(oldest, lsn);
      }
      return oldest;
    }
  }
}
